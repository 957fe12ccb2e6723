import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Lists that do not bound the rows: `notIn`, an `in` under OR, `in` on a
// field that is not unique. These are still batched.
export async function run(prisma: PrismaClient, ids: number[]) {
  const seen: number[] = [];
  for (const user of await prisma.user.findMany({ where: { id: { notIn: ids } } })) seen.push(user.id);
  for (const user of await prisma.user.findMany({ where: { OR: [{ id: { in: ids } }, { active: true }] } })) seen.push(user.id);
  for (const user of await prisma.user.findMany({ where: { age: { in: [30, 40] } } })) seen.push(user.id);
  return seen;
}

export const cases: unknown[][] = [[[1, 2, 3]], [[]]];
