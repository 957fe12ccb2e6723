import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// What loop-to-batches leaves: a keyset loop whose inner loop still runs a query per row.
// Each batch becomes one query for its keys. The per-row query has no orderBy.
export async function run(prisma: PrismaClient, size: number) {
  const out: [number, number[]][] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: size,
    });
    for (const u of batch) {
      const posts = await prisma.post.findMany({ where: { authorId: u.id } });
      out.push([u.id, posts.map((p) => p.id)]);
    }
    if (batch.length < size) break;
    after = batch[batch.length - 1]!.id;
  }
  return out;
}

export const cases: unknown[][] = [[1], [3], [100]];
