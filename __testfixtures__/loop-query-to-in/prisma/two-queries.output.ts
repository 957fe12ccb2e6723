import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Two per-row queries in one loop, keyed by a field that repeats (many posts per author):
// both become one query each.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published }, orderBy: { title: 'asc' } });
  const out: { title: string; author: string; drafts: string[] }[] = [];
  const userRows = await prisma.user.findMany({ where: { id: { in: posts.map((post) => post.authorId) } } });
  const authorById = new Map(userRows.map((row) => [row.id, row] as const));
  const authorIds = [...new Set(posts.map((post) => post.authorId))];
  const postRows = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds.length / 499) }, (_, i) =>
        prisma.post.findMany({ where: { authorId: { in: authorIds.slice(i * 499, (i + 1) * 499) }, published: false }, orderBy: { id: 'asc' } })
      )
    )
  ).flat();
  const draftsByAuthorId = postRows.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows>());
  for (const post of posts) {
    const author = authorById.get(post.authorId) ?? null;
    const drafts = draftsByAuthorId.get(post.authorId) ?? [];
    if (!author) continue;
    out.push({ title: post.title, author: author.email, drafts: drafts.map((d) => d.title) });
  }
  return out;
}

export const cases: unknown[][] = [[true], [false]];
