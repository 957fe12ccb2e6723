import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `!==` on a required field, and `!== null` on a nullable one.
export async function run(prisma: PrismaClient, authorId: number) {
  const someoneElse = (await prisma.post.findFirst({ where: { published: true, authorId: { not: authorId } }, select: { id: true } })) !== null;
  const rated = (await prisma.post.findFirst({ where: { authorId, rating: { not: null } }, select: { id: true } })) !== null;
  const wellRated = (await prisma.post.findFirst({ where: { authorId, rating: { gt: 4 } }, select: { id: true } })) !== null;
  return { someoneElse, rated, wellRated };
}

// user 10's only post has a NULL rating; user 4 has no posts
export const cases: unknown[][] = [[1], [10], [4], [7]];
