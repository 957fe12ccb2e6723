import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Chained filters merge into one where; `.length` after it stays (length-to-count's job).
export async function run(prisma: PrismaClient, authorId: number) {
  const drafts = (await prisma.post.findMany({ orderBy: { id: 'asc' }, where: { authorId, published: false } }))
    .map((p) => p.title);
  const count = (await prisma.post.findMany({ where: { authorId: { not: authorId } } })).length;
  return { drafts, count };
}

export const cases: unknown[][] = [[1], [6], [4]];
