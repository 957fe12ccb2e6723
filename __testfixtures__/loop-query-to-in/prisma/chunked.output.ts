import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Ordered per-row queries: the keys go in slices (2 here, by the case's options;
// half the database's parameter limit by default), one query per slice, in order.
// Posts' authors repeat, so a key can come up in several slices' lists.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published }, orderBy: { id: 'asc' } });
  const out: [number, number[]][] = [];
  const authorIds = [...new Set(posts.map((p) => p.authorId))];
  const postRows = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds.length / 2) }, (_, i) =>
        prisma.post.findMany({ where: { authorId: { in: authorIds.slice(i * 2, (i + 1) * 2) } }, orderBy: [{ views: 'desc' }, { id: 'asc' }] })
      )
    )
  ).flat();
  const byAuthorByAuthorId = postRows.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows>());
  for (const p of posts) {
    const byAuthor = byAuthorByAuthorId.get(p.authorId) ?? [];
    out.push([p.id, byAuthor.map((b) => b.id)]);
  }
  const users = await prisma.user.findMany({ where: { age: { gte: 0 } }, orderBy: { id: 'desc' } });
  const authorIds2 = users.map((u) => u.id);
  const postRows2 = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds2.length / 2) }, (_2, i2) =>
        prisma.post.findMany({ where: { authorId: { in: authorIds2.slice(i2 * 2, (i2 + 1) * 2) } }, orderBy: { id: 'asc' } })
      )
    )
  ).flat();
  const postByAuthorId = postRows2.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows2>());
  const perUser = await Promise.all(users.map(async (u) => (postByAuthorId.get(u.id) ?? []).length));
  return { out, perUser };
}

export const cases: unknown[][] = [[true], [false]];
