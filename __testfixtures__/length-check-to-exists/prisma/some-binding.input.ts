import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows' only use is `.some`: the query stays where the rows were loaded.
export async function run(prisma: PrismaClient, authorId: number, minViews: number) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  const popular = posts.some((p) => p.authorId === authorId && p.views >= minViews);
  return popular ? 'popular author' : 'not yet';
}

export const cases: unknown[][] = [[7, 1000], [7, 1001], [6, 0], [4, 0]];

export async function none(prisma: PrismaClient, authorId: number) {
  let posts = await prisma.post.findMany();
  const silent = !posts.some((p) => p.authorId === authorId);
  console.log('checked');
  return silent;
}
