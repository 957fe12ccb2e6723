import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Non-nullable fields; an empty result keeps Math.max() === -Infinity and Math.min() === Infinity.
export async function run(prisma: PrismaClient, published: boolean, minViews: number) {
  const most = Math.max(...(await prisma.post.findMany({ where: { published, views: { gte: minViews } } })).map((p) => p.views));
  const users = await prisma.user.findMany({ where: { age: { gte: minViews } } });
  const lowest = Math.min(...users.map(({ score }) => score));
  return { most, lowest, spread: most - lowest };
}

export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55]];
