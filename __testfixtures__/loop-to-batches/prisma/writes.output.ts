import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The body writes to the rows it sees, on a field the where does not read.
export async function run(prisma: PrismaClient, minViews: number) {
  const touched: number[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ views: { gte: minViews } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const post of batch) {
      await prisma.post.update({ where: { id: post.id }, data: { title: `${post.title}!` } });
      touched.push(post.id);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: false }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 2,
    });
    for (const user of batch) {
      void touched.push(user.id * 1000);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return touched;
}

export const cases: unknown[][] = [[0], [10], [5000]];
