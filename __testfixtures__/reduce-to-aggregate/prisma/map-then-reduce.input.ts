import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The common two-step form: map the field, then add the numbers up.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published } });
  const views = posts.map((p) => p.views).reduce((a, b) => a + b, 0);
  const ratings = (await prisma.post.findMany({ where: { published, views: { lt: 10 } } }))
    .map((p) => p.rating ?? 0)
    .reduce((total, r) => r + total, 1);
  return { views, ratings };
}

export const cases: unknown[][] = [[true], [false]];
