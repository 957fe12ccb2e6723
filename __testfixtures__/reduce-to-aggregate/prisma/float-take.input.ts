import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Float sum (0.1 + 0.2 is inexact) with take/skip and the orderBy that picks the rows.
export async function run(prisma: PrismaClient, skip: number, take: number) {
  const score = 1 + (await prisma.user.findMany({ orderBy: [{ score: 'asc' }, { id: 'asc' }], skip, take, select: { score: true } })).reduce((s, u) => u.score + s, 0.5);
  const rating = (await prisma.post.findMany({ where: { rating: { lt: 0.5 } } })).reduce((s, p) => s + (p.rating ?? 0), 0);
  return { score, rating };
}

export const cases: unknown[][] = [[0, 3], [10, 5], [20, 2]];
