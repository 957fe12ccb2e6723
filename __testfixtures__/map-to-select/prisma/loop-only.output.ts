import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Rows used only by one loop, which loop-to-batches may later walk in keyset
// batches: the select keeps the keyset fields (`id`, and an ordered field) too.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, select: { email: true, id: true } });
  const emails: string[] = [];
  for (const { email } of users) emails.push(email);

  const byAge = await prisma.user.findMany({ orderBy: [{ age: 'asc' }, { id: 'asc' }], select: { email: true, bonus: true, age: true, id: true } });
  const lines: string[] = [];
  byAge.forEach((u) => {
    lines.push(`${u.email}:${u.bonus ?? 0}`);
  });

  // an order on a nullable field cannot be batched: nothing is added
  const byName = await prisma.user.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { score: true } });
  const scores: number[] = [];
  for (const u of byName) scores.push(u.score);

  return { emails, lines, scores };
}

export const cases: unknown[][] = [[0], [30], [1000]];
