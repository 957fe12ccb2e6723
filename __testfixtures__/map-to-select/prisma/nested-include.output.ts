import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A to-one relation loaded whole (`author: true`) whose row the code reads only
// through scalar fields: the relation selects just those fields.
export async function run(prisma: PrismaClient, minViews: number) {
  const posts = await prisma.post.findMany({
    where: { views: { gte: minViews } },
    select: { title: true, author: { select: { name: true, email: true } } },
    orderBy: { id: 'asc' },
  });
  const bylines = posts.map((p) => `${p.title} by ${p.author.name ?? p.author.email}`);
  const count = posts.length;

  // an existing select of the whole relation, read through two fields in a loop
  const rows = await prisma.post.findMany({ select: { id: true, author: { select: { age: true, bonus: true } } }, orderBy: { id: 'asc' } });
  const ages: Record<number, number> = {};
  for (const r of rows) ages[r.id] = r.author.age + (r.author?.bonus ?? 0);

  // a list relation (`u.posts.length` is no field of a post): left loaded as it was
  const users = await prisma.user.findMany({ select: { email: true, posts: true }, orderBy: { id: 'asc' } });
  const postCounts = users.map((u) => [u.email, u.posts.length]);

  // the author read whole beside one of its fields: kept whole
  const pairs = await prisma.post.findMany({ select: { author: true }, orderBy: { id: 'asc' } });
  const authors = pairs.map((p) => [p.author.email, p.author]);
  const views = pairs.length;

  return { bylines, count, ages, postCounts, authors, views };
}

export const cases: unknown[][] = [[0], [100], [100000]];
