import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Nullable fields: `s + null` is s for numbers, and SUM skips NULLs.
// authorId 10 has only NULL ratings; 4 has no posts; 7 has NULLs and values.
export async function run(prisma: PrismaClient, authorId: number) {
  const totalRating = (await prisma.post.aggregate({
    where: { authorId },
    _sum: { rating: true },
  }))._sum.rating ?? 0;
  const ratings = totalRating;
  const totalBonus = -2.5 + ((await prisma.user.aggregate({ where: { id: { lte: authorId } }, _sum: { bonus: true } }))._sum.bonus ?? 0);
  const bonus = 100 + totalBonus;
  return { ratings, bonus };
}

export const cases: unknown[][] = [[7], [10], [4], [2], [0]];
