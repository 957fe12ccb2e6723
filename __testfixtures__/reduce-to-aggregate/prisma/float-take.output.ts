import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Float sum (0.1 + 0.2 is inexact) with take/skip and the orderBy that picks the rows.
export async function run(prisma: PrismaClient, skip: number, take: number) {
  const score = 1 + (0.5 + ((await prisma.user.aggregate({ orderBy: [{ score: 'asc' }, { id: 'asc' }], skip, take, _sum: { score: true } }))._sum.score ?? 0));
  const rating = (await prisma.post.aggregate({ where: { rating: { lt: 0.5 } }, _sum: { rating: true } }))._sum.rating ?? 0;
  return { score, rating };
}

export const cases: unknown[][] = [[0, 3], [10, 5], [20, 2]];
