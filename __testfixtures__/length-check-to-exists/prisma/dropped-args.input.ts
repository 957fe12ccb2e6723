import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// orderBy, distinct, include and a positive take never turn a non-empty result empty.
export async function run(prisma: PrismaClient, minViews: number) {
  const rows = await prisma.post.findMany({
    where: { views: { gte: minViews } },
    orderBy: { views: 'desc' },
    distinct: ['authorId'],
    include: { author: true },
    take: 3,
  });
  return rows.length > 0;
}

export const cases: unknown[][] = [[0], [1000], [1001]];
