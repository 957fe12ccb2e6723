import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// NULL tests: `=== null`, `!== null`, and an ordering made safe by a `!== null` first.
export async function run(prisma: PrismaClient, minRating: number) {
  const unnamed = await prisma.user.findMany({ orderBy: { id: 'asc' }, where: { name: null } });
  const rated = await prisma.post.findMany({ orderBy: { id: 'asc' }, where: { rating: { gte: minRating } } });
  const bonusNotOne = await prisma.user.findMany({ orderBy: { id: 'asc' }, where: { bonus: { not: 1 } } });
  return { unnamed: unnamed.map((u) => u.id), rated: rated.map((p) => p.id), bonusNotOne: bonusNotOne.map((u) => u.id) };
}

export const cases: unknown[][] = [[0], [4], [5.5]];
