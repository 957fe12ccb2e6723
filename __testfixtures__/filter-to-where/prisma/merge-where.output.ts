import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Into an existing where: alongside its keys, or with AND when a key clashes.
export async function run(prisma: PrismaClient, maxViews: number) {
  const alongside = await prisma.post.findMany({ where: { published: true, views: { lte: maxViews } }, orderBy: { id: 'asc' } });
  const clash = await prisma.post.findMany({ where: { AND: [{ views: { gt: 5 } }, { views: { lt: maxViews } }] }, orderBy: { id: 'asc' } });
  const shared = { authorId: 7 };
  const held = await prisma.post.findMany({ where: { AND: [shared, { published: false }] }, orderBy: { id: 'asc' } });
  return { alongside: alongside.map((p) => p.id), clash: clash.map((p) => p.id), held: held.map((p) => p.id) };
}

export const cases: unknown[][] = [[0], [10], [99], [10000]];
