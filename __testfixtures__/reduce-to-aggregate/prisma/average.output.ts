import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `sum / rows.length` of a field that is never NULL is the average: AVG of no rows
// is null, and 0 / 0 is NaN, so NaN is kept. (Scores of 1e16 and -1e16 are left out:
// how the database adds floats that cancel is float-order's case, and the message says so.)
export async function run(prisma: PrismaClient, published: boolean, minViews: number) {
  const postsAggregate = await prisma.post.aggregate({ where: { published, views: { gte: minViews } }, _avg: { views: true } });
  const mean = postsAggregate._avg.views ?? NaN;
  const usersAggregate = await prisma.user.aggregate({ where: { age: { gte: minViews }, score: { gt: -1000, lt: 1000 } }, _avg: { score: true } });
  const meanScore = usersAggregate._avg.score ?? NaN;
  return { mean, meanScore, nullable: await nullableMean(prisma, minViews), shifted: await shiftedMean(prisma, minViews) };
}

// minViews doubles as an author id (7: NULLs and values, 10: only a NULL, 5 and 0: no posts) and a minimum age.
export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55], [true, 30], [true, 7], [false, 10]];

// A nullable field counts its NULL rows in `rows.length` but AVG skips them:
// the sum and the count are read apart, which is what the JavaScript computed.
export async function nullableMean(prisma: PrismaClient, authorId: number) {
  const postsAggregate2 = await prisma.post.aggregate({ where: { authorId }, _sum: { rating: true }, _count: { _all: true } });
  return (postsAggregate2._sum.rating ?? 0) / postsAggregate2._count._all;
}

// A sum that does not start at 0 is not an average either.
export async function shiftedMean(prisma: PrismaClient, minAge: number) {
  const usersAggregate2 = await prisma.user.aggregate({ where: { age: { gte: minAge } }, _sum: { age: true }, _count: { _all: true } });
  const shifted = (1 + (usersAggregate2._sum.age ?? 0)) / usersAggregate2._count._all;
  return shifted;
}
