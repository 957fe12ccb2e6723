import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A multi-line where keeps its lines, one level deeper per bracket; the blank
// line between the load and the loop goes with the load.
export async function visit(prisma: PrismaClient, minAge: number) {
  const seen: string[] = [];
  // Visit every matching user.
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: {
        AND: [
          {
            age: { gte: minAge },
            active: true,
          },
          after === undefined ? {} : { id: { gt: after } },
        ],
      },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const user of batch) {
      seen.push(user.email);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export async function run(prisma: PrismaClient, minAge: number) {
  const names: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ age: { gte: minAge } }, after === undefined ? {} : { id: { gt: after } }] },
      select: {
        id: true,
        name: true,
      },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const user of batch) {
      names.push(user.name ?? '-');
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return [await visit(prisma, minAge), names];
}

export const cases: unknown[][] = [[0], [30], [1000]];
