import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows serve only aggregates and their count: one aggregate() holds them all,
// and each empty-set value stays what the JavaScript gave (0, -Infinity, Infinity, 0 rows).
// authorId 10 has one post whose rating is NULL; 4 has no posts; 7 has NULLs and values.
export async function perAuthor(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId } });
  const total = posts.reduce((s, p) => s + p.views, 0);
  const most = Math.max(...posts.map((p) => p.views));
  const least = Math.min(...posts.map(({ views }) => views));
  const ratings = posts.reduce((s, p) => s + (p.rating ?? 0), 0);
  return { total, most, least, ratings, n: posts.length };
}

export const cases: unknown[][] = [[7], [10], [4], [1], [0]];

export async function run(prisma: PrismaClient, authorId: number) {
  return { perAuthor: await perAuthor(prisma, authorId), twoSums: await twoSums(prisma) };
}

// Two sums of different fields of the same rows.
export async function twoSums(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ where: { published: true }, orderBy: { id: 'asc' }, take: 5 });
  return [posts.reduce((s, p) => s + p.views, 10), posts.map((p) => p.authorId).reduce((a, b) => a + b, 0)];
}
