import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A `.then` callback or a `Promise.all` element whose rows are only filtered: the filter joins the where.
export async function run(prisma: PrismaClient, minAge: number) {
  const adults = await prisma.user.findMany({ orderBy: { id: 'asc' } }).then((users) => users.filter((u) => u.age >= minAge));
  const ids = await prisma.user.findMany({ orderBy: { id: 'asc' } }).then((users) => users.filter((u) => u.active).filter((u) => u.age < minAge).map((u) => u.id));
  const [posts, count] = await Promise.all([prisma.post.findMany({ orderBy: { id: 'asc' } }), prisma.user.count()]);
  const popular = posts.filter((p) => p.views >= minAge);
  return { adults: adults.map((u) => u.email), ids, popular: popular.map((p) => p.id), count };
}

export const cases: unknown[][] = [[0], [30], [1000]];
