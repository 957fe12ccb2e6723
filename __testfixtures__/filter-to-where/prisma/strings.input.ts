import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// String equality and ordering: review, the collation decides in the database.
export async function run(prisma: PrismaClient, name: string) {
  const named = (await prisma.user.findMany({ orderBy: { id: 'asc' } })).filter((u) => u.name === name);
  const early = (await prisma.post.findMany({ orderBy: { id: 'asc' } })).filter((p) => p.title < 'H');
  return { named: named.map((u) => u.id), early: early.map((p) => p.id) };
}

// duplicated, lower-case only, trailing space, none
export const cases: unknown[][] = [['Alice'], ['ivan'], ['Mallory '], ['Mallory']];
