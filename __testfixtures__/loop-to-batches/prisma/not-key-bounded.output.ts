import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Lists that do not bound the rows: `notIn`, an `in` under OR, `in` on a
// field that is not unique. These are still batched.
export async function run(prisma: PrismaClient, ids: number[]) {
  const seen: number[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ id: { notIn: ids } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const user of batch) seen.push(user.id);
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ OR: [{ id: { in: ids } }, { active: true }] }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const user of batch) seen.push(user.id);
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ age: { in: [30, 40] } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const user of batch) seen.push(user.id);
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export const cases: unknown[][] = [[[1, 2, 3]], [[]]];
