import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows' only use is `.some`: the query stays where the rows were loaded.
export async function run(prisma: PrismaClient, authorId: number, minViews: number) {
  const popular = (await prisma.post.findFirst({ where: { published: true, authorId, views: { gte: minViews } }, select: { id: true } })) !== null;
  return popular ? 'popular author' : 'not yet';
}

export const cases: unknown[][] = [[7, 1000], [7, 1001], [6, 0], [4, 0]];

export async function none(prisma: PrismaClient, authorId: number) {
  const silent = (await prisma.post.findFirst({ where: { authorId }, select: { id: true } })) === null;
  console.log('checked');
  return silent;
}
