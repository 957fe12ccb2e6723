import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// cursor, take (forward and backward) and the orderBy they page along, carried to aggregate().
export async function run(prisma: PrismaClient, cursor: number, take: number) {
  const views = (await prisma.post.findMany({ cursor: { id: cursor }, take, orderBy: { id: 'asc' }, where: { published: true } })).reduce((s, p) => s + p.views, 0);
  const maxViews = Math.max(...(await prisma.post.findMany({ cursor: { id: cursor }, take, orderBy: { id: 'asc' } })).map((p) => p.views));
  return { views, maxViews };
}

export const cases: unknown[][] = [[5, 4], [5, -3], [20, 5], [999, 3]];
