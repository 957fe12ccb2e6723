import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Rows that serve something besides their aggregates: left alone, silently.
export async function usedWhole(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  const total = posts.reduce((s, p) => s + p.views, 0);
  const most = Math.max(...posts.map((p) => p.views));
  return { total, most, posts };
}

export async function firstRowToo(prisma: PrismaClient) {
  const posts = await prisma.post.findMany();
  return { total: posts.reduce((s, p) => s + p.views, 0), first: posts[0] };
}

export async function onlyCounted(prisma: PrismaClient) {
  const posts = await prisma.post.findMany();
  // `.length` twice and nothing else: length-to-count's business, not an aggregate's.
  return posts.length > 3 ? posts.length : 0;
}

export async function notASum(prisma: PrismaClient) {
  const posts = await prisma.post.findMany();
  return { n: posts.length, product: posts.reduce((s, p) => s * p.views, 1) };
}
