import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// break, continue, return, labels and await inside the loop keep their meaning across pages.
async function untilBreak(prisma: PrismaClient, stopAt: number) {
  const seen: number[] = [];
  batches: for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (const user of batch) {
      if (user.id === stopAt) break batches;
      switch (user.age % 2) {
        case 0:
          seen.push(user.id);
          break;
        default:
          seen.push(-user.id);
      }
      for (const n of [1, 2]) {
        if (n === 2) break;
        seen.push(n * 100);
      }
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

async function firstWithPosts(prisma: PrismaClient, minPosts: number) {
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ name: { not: null } }, after === undefined ? {} : { id: { gt: after } }] },
      include: { posts: true },
      orderBy: { id: 'asc' },
      take: 3,
    });
    for (const user of batch) {
      if (user.posts.length < minPosts) continue;
      const total = await prisma.post.count({ where: { authorId: user.id } });
      return `${user.name}:${total}`;
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  return 'none';
}

async function labelled(prisma: PrismaClient) {
  const seen: string[] = [];
  batches: for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: { AND: [{ views: { gt: 0 } }, after === undefined ? {} : { id: { gt: after } }] },
      omit: { rating: true },
      orderBy: { id: 'asc' },
      take: 3,
    });
    rows: for (const post of batch) {
      for (const word of post.title.split(' ')) {
        if (word === 'Grace') continue rows;
        if (word === 'C') break batches;
        seen.push(word);
      }
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export async function run(prisma: PrismaClient, stopAt: number, minPosts: number) {
  return {
    broken: await untilBreak(prisma, stopAt),
    returned: await firstWithPosts(prisma, minPosts),
    labelled: await labelled(prisma),
  };
}

export const cases: unknown[][] = [[7, 2], [999, 5], [1, 1], [12, 9]];
