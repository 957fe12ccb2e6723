import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `!==` on a required field, and `!== null` on a nullable one.
export async function run(prisma: PrismaClient, authorId: number) {
  const someoneElse = (await prisma.post.findMany({ where: { published: true } })).some((p) => p.authorId !== authorId);
  const rated = (await prisma.post.findMany({ where: { authorId } })).some((p) => p.rating !== null);
  const wellRated = (await prisma.post.findMany({ where: { authorId } })).some((p) => p.rating !== null && p.rating > 4);
  return { someoneElse, rated, wellRated };
}

// user 10's only post has a NULL rating; user 4 has no posts
export const cases: unknown[][] = [[1], [10], [4], [7]];
