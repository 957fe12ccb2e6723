import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Sums and extrema of the rows of a `.then` callback or a `Promise.all` element: an aggregate query.
export async function run(prisma: PrismaClient, minViews: number) {
  const total = await prisma.post.aggregate({ where: { views: { gte: minViews } }, _sum: { views: true } }).then((result) => result._sum.views ?? 0);
  const oldest = await prisma.user.aggregate({ where: { age: { gte: minViews } }, _max: { age: true } }).then((result) => result._max.age ?? -Infinity);
  const label = await prisma.post.aggregate({ where: { views: { gte: minViews } }, _sum: { views: true } }).then((result) => result._sum.views ?? 0).then((totalViews) => `views: ${totalViews}`);
  const [minAge, count] = await Promise.all([prisma.user.aggregate({ where: { age: { gte: minViews } }, _min: { age: true } }).then((result) => result._min.age ?? Infinity), prisma.post.count()]);
  const youngest = minAge;
  return { total, oldest, label, youngest, count };
}

export const cases: unknown[][] = [[0], [40], [1000]];
