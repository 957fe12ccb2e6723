import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The common two-step form: map the field, then add the numbers up.
export async function run(prisma: PrismaClient, published: boolean) {
  const totalViews = (await prisma.post.aggregate({ where: { published }, _sum: { views: true } }))._sum.views ?? 0;
  const views = totalViews;
  const ratings = 1 + ((await prisma.post.aggregate({ where: { published, views: { lt: 10 } }, _sum: { rating: true } }))._sum.rating ?? 0);
  return { views, ratings };
}

export const cases: unknown[][] = [[true], [false]];
