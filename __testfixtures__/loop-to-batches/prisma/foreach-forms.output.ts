import type { PrismaClient } from '../../../test/prisma/generated/client.js';

type Row = { id: number; title: string; views: number };

// forEach callbacks of every shape a for-of body can take over.
export async function run(prisma: PrismaClient, minViews: number) {
  const seen: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ views: { gte: minViews } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (const p of batch) {
      seen.push(`a${p.id}`);
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ views: { lt: minViews } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (const { id, views } of batch) {
      if (views === 0) continue;
      seen.push(`b${id}`);
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (let u of batch) {
      u = { ...u, name: u.name ?? '?' };
      seen.push(`c${u.name}`);
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ published: false }, after === undefined ? {} : { id: { gt: after } }] },
      select: { id: true, title: true },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (const post of batch) {
      for (const ch of post.title) {
        if (ch === ' ') break;
        seen.push(ch);
      }
      switch (post.id % 3) {
        case 0:
          continue;
        default:
          seen.push(`d${post.id}`);
      }
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ bonus: { not: null } }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for await (const u of batch) seen.push(`e${u.id}`);
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export const cases: unknown[][] = [[0], [10], [100]];
