import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The last row of a total order (it ends with, or holds, a required unique field): findFirst with the order reversed.
export async function run(prisma: PrismaClient, minViews: number) {
  const newest = (await prisma.post.findFirst({ where: { views: { gte: minViews } }, orderBy: { id: 'desc' } })) ?? undefined;
  const leastViewed = await prisma.post.findFirst({ where: { published: true, views: { gte: minViews } }, orderBy: [{ views: 'asc' }, { id: 'desc' }] });
  const lastUser = await prisma.user.findFirst({ where: { age: { gte: minViews } }, orderBy: [{ name: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }] });
  const lastNamed = lastUser !== null ? lastUser.email : 'none';
  // rating is nullable: without `nulls`, reversing the direction also reverses where NULLs go.
  const lastRated = await prisma.post.findFirst({ where: { views: { gte: minViews } }, orderBy: [{ rating: 'desc' }, { id: 'desc' }] });
  const topRated = lastRated?.title;
  const lastActive = (await prisma.user.findFirst({ where: { age: { gte: minViews }, active: true }, orderBy: { email: 'asc' } })) ?? undefined;
  return { newest, leastViewed: leastViewed?.id, lastNamed, topRated, lastActive: lastActive?.email };
}

export const cases: unknown[][] = [[0], [40], [1000000000000]];
