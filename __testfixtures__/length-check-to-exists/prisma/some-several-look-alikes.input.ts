import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Rows that serve something besides the tests: left alone, silently.
export async function usedWhole(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany();
  const mine = posts.some((p) => p.authorId === authorId);
  const popular = posts.some((p) => p.views > 100);
  return { mine, popular, posts };
}

export async function counted(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany();
  // `.length` as a number is not an emptiness test.
  return { mine: posts.some((p) => p.authorId === authorId), n: posts.length, drafts: posts.some((p) => !p.published) };
}
