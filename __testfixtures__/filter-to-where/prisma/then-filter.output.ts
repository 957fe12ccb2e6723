import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A `.then` callback or a `Promise.all` element whose rows are only filtered: the filter joins the where.
export async function run(prisma: PrismaClient, minAge: number) {
  const adults = await prisma.user.findMany({ orderBy: { id: 'asc' }, where: { age: { gte: minAge } } });
  const ids = await prisma.user.findMany({ orderBy: { id: 'asc' }, where: { active: true, age: { lt: minAge } } }).then((users) => users.map((u) => u.id));
  const [popular, count] = await Promise.all([prisma.post.findMany({ orderBy: { id: 'asc' }, where: { views: { gte: minAge } } }), prisma.user.count()]);
  return { adults: adults.map((u) => u.email), ids, popular: popular.map((p) => p.id), count };
}

export const cases: unknown[][] = [[0], [30], [1000]];
