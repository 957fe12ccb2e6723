import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Non-nullable fields; an empty result keeps Math.max() === -Infinity and Math.min() === Infinity.
export async function run(prisma: PrismaClient, published: boolean, minViews: number) {
  const most = (await prisma.post.aggregate({ where: { published, views: { gte: minViews } }, _max: { views: true } }))._max.views ?? -Infinity;
  const minScore = (await prisma.user.aggregate({ where: { age: { gte: minViews } }, _min: { score: true } }))._min.score ?? Infinity;
  const lowest = minScore;
  return { most, lowest, spread: most - lowest };
}

export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55]];
