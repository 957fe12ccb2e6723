import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// An include becomes a select: relations the map never reads are dropped,
// relations it reads keep their include value as it is (a nested select, a
// filtered and ordered list, _count; `true` unless only fields of a to-one
// relation are read), and the scalars it reads are added beside them.
export async function run(prisma: PrismaClient, minViews: number) {
  // the included author is never read
  const titles = (await prisma.post.findMany({ where: { views: { gte: minViews } }, include: { author: true }, orderBy: { id: 'asc' } })).map((p) => p.title);

  // the included author is read through three of its fields, beside a scalar: it selects just those
  const byAuthor = await prisma.post.findMany({
    where: { views: { gte: minViews } },
    include: { author: true },
    orderBy: { id: 'asc' },
  });
  const lines = byAuthor.map((p) => `${p.id}: ${p.author.name ?? p.author.email} ${p.author.balance.toFixed(2)}`);

  // a filtered, ordered, limited relation with a nested select, and _count; the nested value spans lines
  const users = await prisma.user.findMany({
    where: { age: { gte: 20 } },
    include: {
      posts: {
        where: { views: { gte: minViews } },
        orderBy: { views: 'desc' },
        take: 2,
        select: { title: true, rating: true },
      },
      _count: { select: { posts: true } },
    },
    orderBy: { id: 'asc' },
  });
  const summaries = users.map(({ email, posts, _count }) => ({ email, top: posts.map((p) => [p.title, p.rating]), n: _count.posts }));

  // two maps over the rows: one reads the relation, the other scalars; the unread _count goes
  const people = await prisma.user.findMany({ include: { posts: true, _count: true }, orderBy: { id: 'asc' } });
  const published = people.map((u) => u.posts.filter((p) => p.published).length);
  const ages = people.map((u) => u.age + (u.bonus ?? 0));

  return { titles, lines, summaries, published, ages };
}

export const cases: unknown[][] = [[0], [10], [100000]];
