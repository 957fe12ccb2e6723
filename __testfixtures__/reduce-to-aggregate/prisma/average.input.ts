import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `sum / rows.length` of a field that is never NULL is the average: AVG of no rows
// is null, and 0 / 0 is NaN, so NaN is kept. (Scores of 1e16 and -1e16 are left out:
// how the database adds floats that cancel is float-order's case, and the message says so.)
export async function run(prisma: PrismaClient, published: boolean, minViews: number) {
  const posts = await prisma.post.findMany({ where: { published, views: { gte: minViews } } });
  const mean = posts.reduce((s, p) => s + p.views, 0) / posts.length;
  const users = await prisma.user.findMany({ where: { age: { gte: minViews }, score: { gt: -1000, lt: 1000 } } });
  const meanScore = users.map((u) => u.score).reduce((a, b) => a + b, 0) / users.length;
  return { mean, meanScore, nullable: await nullableMean(prisma, minViews), shifted: await shiftedMean(prisma, minViews) };
}

// minViews doubles as an author id (7: NULLs and values, 10: only a NULL, 5 and 0: no posts) and a minimum age.
export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55], [true, 30], [true, 7], [false, 10]];

// A nullable field counts its NULL rows in `rows.length` but AVG skips them:
// the sum and the count are read apart, which is what the JavaScript computed.
export async function nullableMean(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId } });
  return posts.reduce((s, p) => s + (p.rating ?? 0), 0) / posts.length;
}

// A sum that does not start at 0 is not an average either.
export async function shiftedMean(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } } });
  const shifted = users.reduce((s, u) => s + u.age, 1) / users.length;
  return shifted;
}
