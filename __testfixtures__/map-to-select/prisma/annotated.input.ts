import type { PrismaClient, User } from '../../../test/prisma/generated/client.js';

// Annotations that name the full row type: a select would break them.
export async function annotated(prisma: PrismaClient) {
  const users: User[] = await prisma.user.findMany({ where: { active: true } });
  const emails = users.map((u) => u.email);
  const names = (await prisma.user.findMany()).map((u: User) => u.name);
  return { emails, names };
}

// The row annotated with the selected shape, and the select loads more than is read.
export async function annotatedWider(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ select: { id: true, title: true, views: true } });
  return posts.map((p: { id: number; title: string; views: number }) => p.title);
}
