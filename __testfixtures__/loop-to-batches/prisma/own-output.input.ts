// pushdown's own batches, scanned again: nothing to rewrite and nothing to report.
import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Collects what the loop body sees.
export async function run(prisma: PrismaClient, minAge: number) {
  const seen: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ age: { gte: minAge } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 1000,
    });
    for (const user of batch) {
      seen.push(`${user.id}:${user.name ?? '-'}`);
    }
    if (batch.length < 1000) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export const cases: unknown[][] = [[0], [30], [99]];
