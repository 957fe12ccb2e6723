import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The last row of a total order (it ends with, or holds, a required unique field): findFirst with the order reversed.
export async function run(prisma: PrismaClient, minViews: number) {
  const newest = (await prisma.post.findMany({ where: { views: { gte: minViews } }, orderBy: { id: 'asc' } })).at(-1);
  const posts = await prisma.post.findMany({ where: { published: true, views: { gte: minViews } }, orderBy: [{ views: 'desc' }, { id: 'asc' }] });
  const leastViewed = posts[posts.length - 1];
  const users = await prisma.user.findMany({ where: { age: { gte: minViews } }, orderBy: [{ name: { sort: 'asc', nulls: 'first' } }, { id: 'desc' }] });
  const lastNamed = users.length > 0 ? users[users.length - 1].email : 'none';
  // rating is nullable: without `nulls`, reversing the direction also reverses where NULLs go.
  const rated = await prisma.post.findMany({ where: { views: { gte: minViews } }, orderBy: [{ rating: 'asc' }, { id: 'asc' }] });
  const topRated = rated.at(-1)?.title;
  const lastActive = (await prisma.user.findMany({ where: { age: { gte: minViews } }, orderBy: { email: 'desc' } })).findLast((u) => u.active);
  return { newest, leastViewed: leastViewed?.id, lastNamed, topRated, lastActive: lastActive?.email };
}

export const cases: unknown[][] = [[0], [40], [1000000000000]];
