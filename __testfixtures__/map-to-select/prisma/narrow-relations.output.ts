import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// An existing select that loads more than the map reads: the unread entries
// go, relations and _count included; the read ones keep their text.
export async function run(prisma: PrismaClient, minViews: number) {
  const posts = await prisma.post.findMany({
    where: { views: { gte: minViews } },
    select: { id: true, author: { select: { email: true, name: true } } },
    orderBy: { id: 'asc' },
  });
  const authors = posts.map((p) => `${p.id}:${p.author.name ?? p.author.email}`);

  const users = await prisma.user.findMany({
    select: { email: true, _count: { select: { posts: true } } },
    orderBy: { id: 'asc' },
  });
  const counts = users.map((u) => [u.email, u._count.posts]);

  return { authors, counts };
}

export const cases: unknown[][] = [[0], [100], [100000]];
