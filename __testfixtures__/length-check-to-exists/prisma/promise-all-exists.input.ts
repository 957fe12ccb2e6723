import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `Promise.all` elements only tested for emptiness: each becomes an existence query.
export async function run(prisma: PrismaClient, minViews: number, title: string) {
  const [users, posts, titled] = await Promise.all([
    prisma.user.findMany({ where: { age: { gte: minViews } } }),
    prisma.post.findMany({ where: { views: { gte: minViews } } }),
    prisma.post.findMany({ where: { published: true } }),
  ]);
  if (!users.length) return { users: 'none', posts: posts.length > 0, titled: titled.some((p) => p.title === title) };
  return { users: 'some', posts: posts.length !== 0, titled: false };
}

export const cases: unknown[][] = [[0, 'Hello'], [50, 'nope'], [1000000, 'Hello']];
