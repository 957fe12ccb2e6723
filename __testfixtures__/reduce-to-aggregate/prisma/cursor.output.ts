import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// cursor, take (forward and backward) and the orderBy they page along, carried to aggregate().
export async function run(prisma: PrismaClient, cursor: number, take: number) {
  const views = (await prisma.post.aggregate({ cursor: { id: cursor }, take, orderBy: { id: 'asc' }, where: { published: true }, _sum: { views: true } }))._sum.views ?? 0;
  const maxViews = (await prisma.post.aggregate({ cursor: { id: cursor }, take, orderBy: { id: 'asc' }, _max: { views: true } }))._max.views ?? -Infinity;
  return { views, maxViews };
}

export const cases: unknown[][] = [[5, 4], [5, -3], [20, 5], [999, 3]];
