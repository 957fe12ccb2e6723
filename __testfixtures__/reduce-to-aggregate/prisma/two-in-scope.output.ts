import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Two sums of the same field in one scope: each gets its own name.
export async function run(prisma: PrismaClient, authorId: number) {
  const totalViews = (await prisma.post.aggregate({ where: { authorId }, _sum: { views: true } }))._sum.views ?? 0;
  const totalViews2 = (await prisma.post.aggregate({ where: { published: true }, _sum: { views: true } }))._sum.views ?? 0;
  const a = totalViews;
  const b = totalViews2;
  return { a, b };
}

export const cases: unknown[][] = [[7], [4], [0]];
