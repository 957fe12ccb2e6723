import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.find(pred)` used as a row: the first matching row, asked of the database.
export async function run(prisma: PrismaClient, email: string, minViews: number) {
  const match = (await prisma.user.findFirst({ orderBy: { id: 'asc' }, where: { email } })) ?? undefined;
  const matchingPost = (await prisma.post.findFirst({ where: { published: true, views: { gte: minViews }, rating: { not: null } }, orderBy: [{ views: 'desc' }, { id: 'asc' }] })) ?? undefined;
  const popular = matchingPost;
  // `?.` treats null like undefined: no `?? undefined` needed.
  const oldest = (await prisma.user.findFirst({ orderBy: { id: 'desc' }, select: { id: true, name: true, age: true }, where: { age: { gt: 40 } } }))?.name;
  return { match, isUndefined: match === undefined, popular, oldest };
}

export const cases: unknown[][] = [['alice@example.com', 100], ['nobody@example.com', 5000], ['ivan@example.com', 0]];
