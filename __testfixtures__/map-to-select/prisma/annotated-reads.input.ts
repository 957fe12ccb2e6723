import type { Post, PrismaClient, User } from '../../../test/prisma/generated/client.js';

// Annotations that name the full row type on a row the code reads: a select would break them.
export async function annotatedFound(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const found: User | undefined = users.find((u) => u.active);
  return [users.length, found?.email];
}

export async function annotatedCallback(prisma: PrismaClient) {
  const posts = await prisma.post.findMany();
  return [posts.length, posts.some((p: Post) => p.published)];
}
