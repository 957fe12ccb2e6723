import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A .then callback and a transaction client: the receiver stays what it was.
export async function run(prisma: PrismaClient, published: boolean) {
  const titles = await prisma.post.findMany({ where: { published }, orderBy: { id: 'desc' }, take: 3 }).then((posts) => posts.map((p) => p.title));
  const views = await prisma.$transaction(async (tx) => {
    const rows = await tx.post.findMany({ where: { published }, skip: 1, orderBy: [{ views: 'desc' }, { id: 'asc' }] });
    return rows.map((r) => r.views * 2);
  });
  return { titles, views };
}

export const cases: unknown[][] = [[true], [false]];
