import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows serve only aggregates and their count: one aggregate() holds them all,
// and each empty-set value stays what the JavaScript gave (0, -Infinity, Infinity, 0 rows).
// authorId 10 has one post whose rating is NULL; 4 has no posts; 7 has NULLs and values.
export async function perAuthor(prisma: PrismaClient, authorId: number) {
  const postsAggregate = await prisma.post.aggregate({ where: { authorId }, _sum: { views: true, rating: true }, _max: { views: true }, _min: { views: true }, _count: { _all: true } });
  const total = postsAggregate._sum.views ?? 0;
  const most = postsAggregate._max.views ?? -Infinity;
  const least = postsAggregate._min.views ?? Infinity;
  const ratings = postsAggregate._sum.rating ?? 0;
  return { total, most, least, ratings, n: postsAggregate._count._all };
}

export const cases: unknown[][] = [[7], [10], [4], [1], [0]];

export async function run(prisma: PrismaClient, authorId: number) {
  return { perAuthor: await perAuthor(prisma, authorId), twoSums: await twoSums(prisma) };
}

// Two sums of different fields of the same rows.
export async function twoSums(prisma: PrismaClient) {
  const postsAggregate2 = await prisma.post.aggregate({ where: { published: true }, orderBy: { id: 'asc' }, take: 5, _sum: { views: true, authorId: true } });
  return [10 + (postsAggregate2._sum.views ?? 0), postsAggregate2._sum.authorId ?? 0];
}
