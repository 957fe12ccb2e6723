import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Inside a transaction: the one query runs on the transaction client too.
// The loop writes after it has read everything (the write is outside the loop).
export async function run(prisma: PrismaClient, minViews: number) {
  return prisma.$transaction(async (tx) => {
    const authors = await tx.user.findMany({ where: { posts: { some: { views: { gte: minViews } } } }, orderBy: { email: 'asc' } });
    const summary: Record<string, number> = {};
    const authorIds = authors.map((a) => a.id);
    const postRows = (
      await Promise.all(
        Array.from({ length: Math.ceil(authorIds.length / 499) }, (_, i) =>
          tx.post.findMany({ where: { authorId: { in: authorIds.slice(i * 499, (i + 1) * 499) }, views: { gte: minViews } }, orderBy: { views: 'asc' } })
        )
      )
    ).flat();
    const popularByAuthorId = postRows.reduce((groups, row) => {
      const group = groups.get(row.authorId);
      if (group) group.push(row);
      else groups.set(row.authorId, [row]);
      return groups;
    }, new Map<number, typeof postRows>());
    for (const a of authors) {
      const popular = popularByAuthorId.get(a.id) ?? [];
      summary[a.email] = popular.length;
    }
    await tx.user.updateMany({ where: { id: { in: authors.map((a) => a.id) } }, data: { bonus: 1 } });
    return summary;
  });
}

export const cases: unknown[][] = [[0], [50], [5000]];
