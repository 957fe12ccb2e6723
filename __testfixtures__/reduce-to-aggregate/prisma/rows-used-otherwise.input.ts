import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows have another use beside the sum: left alone, silently.
export async function escapes(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  const views = posts.reduce((s, p) => s + p.views, 0);
  return { views, posts };
}

export async function accumulatorEscapes(prisma: PrismaClient, log: (n: number) => void) {
  return (await prisma.post.findMany()).reduce((s, p) => {
    log(s);
    return s + p.views;
  }, 0);
}
