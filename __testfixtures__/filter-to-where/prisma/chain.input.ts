import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Chained filters merge into one where; `.length` after it stays (length-to-count's job).
export async function run(prisma: PrismaClient, authorId: number) {
  const drafts = (await prisma.post.findMany({ orderBy: { id: 'asc' } }))
    .filter((p) => p.authorId === authorId)
    .filter((p) => !p.published)
    .map((p) => p.title);
  const count = (await prisma.post.findMany()).filter((p) => p.authorId !== authorId).length;
  return { drafts, count };
}

export const cases: unknown[][] = [[1], [6], [4]];
