import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `Promise.all` elements only tested for emptiness: each becomes an existence query.
export async function run(prisma: PrismaClient, minViews: number, title: string) {
  const [hasUsers, hasPosts, hasMatchingTitled] = await Promise.all([
    prisma.user.findFirst({ where: { age: { gte: minViews } }, select: { id: true } }).then((result) => result !== null),
    prisma.post.findFirst({ where: { views: { gte: minViews } }, select: { id: true } }).then((result) => result !== null),
    prisma.post.findFirst({ where: { published: true, title }, select: { id: true } }).then((result) => result !== null),
  ]);
  if (!hasUsers) return { users: 'none', posts: hasPosts, titled: hasMatchingTitled };
  return { users: 'some', posts: hasPosts, titled: false };
}

export const cases: unknown[][] = [[0, 'Hello'], [50, 'nope'], [1000000, 'Hello']];
