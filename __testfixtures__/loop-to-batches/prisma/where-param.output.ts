import type { Prisma, PrismaClient } from '../../../test/prisma/generated/client.js';

// A where passed in, possibly undefined ("every row" to Prisma).
export async function run(prisma: PrismaClient, where?: Prisma.UserWhereInput) {
  const ids: number[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [where ?? {}, after === undefined ? {} : { id: { lt: after } }] },
      orderBy: { id: 'desc' },
      take: 1000,
    });
    for (const user of batch) ids.push(user.id);
    if (batch.length < 1000) break;
    after = batch[batch.length - 1]!.id;
  }
  return ids;
}

export const cases: unknown[][] = [[undefined], [{ active: false }], [{ name: null }], [{ id: { gt: 100 } }]];
