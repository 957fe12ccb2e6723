import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// One binding, compared with 0 and with 1: one count, capped at 2.
export async function run(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId } });
  if (posts.length === 0) return 'no posts';
  if (posts.length === 1) return 'one post';
  return 'several posts';
}

export const cases: unknown[][] = [[1], [6], [4]];
