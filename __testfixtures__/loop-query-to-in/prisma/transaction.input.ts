import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Inside a transaction: the one query runs on the transaction client too.
// The loop writes after it has read everything (the write is outside the loop).
export async function run(prisma: PrismaClient, minViews: number) {
  return prisma.$transaction(async (tx) => {
    const authors = await tx.user.findMany({ where: { posts: { some: { views: { gte: minViews } } } }, orderBy: { email: 'asc' } });
    const summary: Record<string, number> = {};
    for (const a of authors) {
      const popular = await tx.post.findMany({ where: { authorId: a.id, views: { gte: minViews } }, orderBy: { views: 'asc' } });
      summary[a.email] = popular.length;
    }
    await tx.user.updateMany({ where: { id: { in: authors.map((a) => a.id) } }, data: { bonus: 1 } });
    return summary;
  });
}

export const cases: unknown[][] = [[0], [50], [5000]];
