import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The textbook N+1: one query per user for that user's posts.
// Users with no posts get [], every user's posts keep their order.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } });
  const report: { name: string | null; titles: string[]; total: number }[] = [];
  const authorIds = users.map((u) => u.id);
  const postRows = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds.length / 499) }, (_, i) =>
        prisma.post.findMany({ where: { authorId: { in: authorIds.slice(i * 499, (i + 1) * 499) } }, orderBy: { id: 'desc' } })
      )
    )
  ).flat();
  const postsByAuthorId = postRows.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows>());
  for (const u of users) {
    const posts = postsByAuthorId.get(u.id) ?? [];
    report.push({ name: u.name, titles: posts.map((p) => p.title), total: posts.reduce((s, p) => s + p.views, 0) });
  }
  return report;
}

// 0: every user; 30: some users, some without posts; 1000: no user (the key list is empty).
export const cases: unknown[][] = [[0], [30], [1000]];
