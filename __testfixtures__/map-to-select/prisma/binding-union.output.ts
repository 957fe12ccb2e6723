import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Two maps over one binding: the select is the union of what they read.
// NULL names, a NULL-or-0 bonus with a default, a Decimal balance.
export async function run(prisma: PrismaClient, active: boolean) {
  const users = await prisma.user.findMany({
    where: { active },
    orderBy: { id: 'asc' },
    select: { id: true, name: true, bonus: true, balance: true, createdAt: true },
  });
  const labels = users.map(({ id, name, bonus = -1 }) => `${id}:${name ?? '?'}:${bonus}`);
  const balances = users.map((u, i) => [i, u.balance.toFixed(2), u?.createdAt.toISOString()]);
  return { labels, balances };
}

export const cases: unknown[][] = [[true], [false]];
