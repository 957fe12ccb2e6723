import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// More matching rows than fit in one page (batchSize 2, from small-batches.options.json).
export async function run(prisma: PrismaClient, active: boolean) {
  const seen: number[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active }, after === undefined ? {} : { id: { gt: after } }] },
      select: { id: true, age: true },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const { id, age } of batch) {
      if (age < 20) continue;
      seen.push(id);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  const titles: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ published: true }, after === undefined ? {} : { id: { lt: after } }] },
      orderBy: { id: 'desc' },
      take: 2,
    });
    for (const post of batch) {
      if (post.views === 0) continue;
      titles.push(post.title);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return { seen, titles };
}

export const cases: unknown[][] = [[true], [false]];
