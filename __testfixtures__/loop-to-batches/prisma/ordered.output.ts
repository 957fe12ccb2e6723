import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Ordered loops: ties in the ordered fields (ages 25, 30, 41; two users created at the same
// instant) fall across pages of 2, so the keyset must break them by id.
export async function run(prisma: PrismaClient, minAge: number) {
  const byAge: string[] = [];
  for (let last: { age: number; id: number } | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ age: { gte: minAge } }, last === undefined ? {} : { OR: [{ age: { lt: last.age } }, { age: last.age, id: { gt: last.id } }] }] },
      orderBy: [{ age: 'desc' }, { id: 'asc' }],
      take: 2,
    });
    for (const user of batch) {
      byAge.push(`${user.age}`);
    }
    if (batch.length < 2) break;
    last = batch[batch.length - 1];
  }
  const byCreation: number[] = [];
  for (let last: { createdAt: Date; score: number; id: number } | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: last === undefined ? {} : { OR: [{ createdAt: { gt: last.createdAt } }, { createdAt: last.createdAt, score: { lt: last.score } }, { createdAt: last.createdAt, score: last.score, id: { gt: last.id } }] },
      select: { id: true, createdAt: true, score: true },
      orderBy: [{ createdAt: 'asc' }, { score: 'desc' }, { id: 'asc' }],
      take: 2,
    });
    for (const user of batch) byCreation.push(user.id);
    if (batch.length < 2) break;
    last = batch[batch.length - 1];
  }
  const byTitle: string[] = [];
  for (let last: { views: number; title: string; id: number } | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ published: true }, last === undefined ? {} : { OR: [{ views: { gt: last.views } }, { views: last.views, title: { lt: last.title } }, { views: last.views, title: last.title, id: { gt: last.id } }] }] },
      orderBy: [{ views: 'asc' }, { title: 'desc' }, { id: 'asc' }],
      take: 2,
    });
    for (const post of batch) {
      byTitle.push(`${post.views}:${post.title}`);
    }
    if (batch.length < 2) break;
    last = batch[batch.length - 1];
  }
  return { byAge, byCreation, byTitle };
}

export const cases: unknown[][] = [[0], [30]];
