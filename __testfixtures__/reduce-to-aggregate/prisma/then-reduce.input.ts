import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Sums and extrema of the rows of a `.then` callback or a `Promise.all` element: an aggregate query.
export async function run(prisma: PrismaClient, minViews: number) {
  const total = await prisma.post.findMany({ where: { views: { gte: minViews } } }).then((posts) => posts.reduce((s, p) => s + p.views, 0));
  const oldest = await prisma.user.findMany({ where: { age: { gte: minViews } } }).then((users) => {
    return Math.max(...users.map((u) => u.age));
  });
  const label = await prisma.post.findMany({ where: { views: { gte: minViews } } }).then((posts) => `views: ${posts.reduce((s, p) => s + p.views, 0)}`);
  const [users, count] = await Promise.all([prisma.user.findMany({ where: { age: { gte: minViews } } }), prisma.post.count()]);
  const youngest = Math.min(...users.map((u) => u.age));
  return { total, oldest, label, youngest, count };
}

export const cases: unknown[][] = [[0], [40], [1000]];
