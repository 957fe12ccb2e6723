import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// break, continue, return, labels and await inside the loop keep their meaning across pages.
async function untilBreak(prisma: PrismaClient, stopAt: number) {
  const seen: number[] = [];
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const user of users) {
    if (user.id === stopAt) break;
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
  return seen;
}

async function firstWithPosts(prisma: PrismaClient, minPosts: number) {
  for (const user of await prisma.user.findMany({ where: { name: { not: null } }, include: { posts: true } })) {
    if (user.posts.length < minPosts) continue;
    const total = await prisma.post.count({ where: { authorId: user.id } });
    return `${user.name}:${total}`;
  }
  return 'none';
}

async function labelled(prisma: PrismaClient) {
  const seen: string[] = [];
  rows: for (const post of await prisma.post.findMany({ where: { views: { gt: 0 } }, omit: { rating: true } })) {
    for (const word of post.title.split(' ')) {
      if (word === 'Grace') continue rows;
      if (word === 'C') break rows;
      seen.push(word);
    }
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
