import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Into an existing where: alongside its keys, or with AND when a key clashes.
export async function run(prisma: PrismaClient, maxViews: number) {
  const alongside = (await prisma.post.findMany({ where: { published: true }, orderBy: { id: 'asc' } })).filter((p) => p.views <= maxViews);
  const clash = (await prisma.post.findMany({ where: { views: { gt: 5 } }, orderBy: { id: 'asc' } })).filter((p) => p.views < maxViews);
  const shared = { authorId: 7 };
  const held = (await prisma.post.findMany({ where: shared, orderBy: { id: 'asc' } })).filter((p) => !p.published);
  return { alongside: alongside.map((p) => p.id), clash: clash.map((p) => p.id), held: held.map((p) => p.id) };
}

export const cases: unknown[][] = [[0], [10], [99], [10000]];
