import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Promise.all over an async map: the queries ran concurrently, one per user.
export async function run(prisma: PrismaClient, take: number) {
  const users = await prisma.user.findMany({ where: { active: true }, take, orderBy: { id: 'asc' } });
  const authorIds = users.map((u) => u.id);
  const postRows = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds.length / 499) }, (_, i) =>
        prisma.post.findMany({
          where: { authorId: { in: authorIds.slice(i * 499, (i + 1) * 499) }, published: true },
          select: { id: true, title: true, authorId: true },
          orderBy: [{ views: 'desc' }, { id: 'asc' }],
        })
      )
    )
  ).flat();
  const postsByAuthorId = postRows.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows>());
  const withPosts = await Promise.all(
    users.map(async (u) => ({
      id: u.id,
      posts: postsByAuthorId.get(u.id) ?? [],
    })),
  );
  return { withPosts, emails: await authors(prisma), returned: await returned(prisma) };
}

export async function authors(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ where: { views: { gte: 10 } }, orderBy: { id: 'asc' } });
  const userRows = await prisma.user.findMany({ where: { id: { in: posts.map((p) => p.authorId) } } });
  const userById = new Map(userRows.map((row) => [row.id, row] as const));
  return Promise.all(posts.map(async (p) => (userById.get(p.authorId) ?? null)?.email));
}

export const cases: unknown[][] = [[3], [100], [0]];

// The callback returns each query's promise; Promise.all awaits them.
export async function returned(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { age: { lt: 35 } }, orderBy: { id: 'asc' } });
  const authorIds = users.map((u) => u.id);
  const postRows = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds.length / 499) }, (_, i) =>
        prisma.post.findMany({ where: { authorId: { in: authorIds.slice(i * 499, (i + 1) * 499) } }, orderBy: { id: 'asc' } })
      )
    )
  ).flat();
  const postByAuthorId = postRows.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows>());
  const postsPerUser = await Promise.all(users.map((u) => postByAuthorId.get(u.id) ?? []));
  const authorIds2 = users.map((u) => u.id);
  const postRows2 = (
    await Promise.all(
      Array.from({ length: Math.ceil(authorIds2.length / 499) }, (_2, i2) =>
        prisma.post.findMany({ where: { authorId: { in: authorIds2.slice(i2 * 499, (i2 + 1) * 499) } }, orderBy: { views: 'asc' } })
      )
    )
  ).flat();
  const postByAuthorId2 = postRows2.reduce((groups, row) => {
    const group = groups.get(row.authorId);
    if (group) group.push(row);
    else groups.set(row.authorId, [row]);
    return groups;
  }, new Map<number, typeof postRows2>());
  const viaReturn = await Promise.all(
    users.map(async function (u) {
      return postByAuthorId2.get(u.id) ?? [];
    }),
  );
  return { postsPerUser, viaReturn };
}
