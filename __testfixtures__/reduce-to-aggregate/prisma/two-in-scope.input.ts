import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Two sums of the same field in one scope: each gets its own name.
export async function run(prisma: PrismaClient, authorId: number) {
  const mine = await prisma.post.findMany({ where: { authorId } });
  const published = await prisma.post.findMany({ where: { published: true } });
  const a = mine.reduce((s, p) => s + p.views, 0);
  const b = published.reduce((s, p) => s + p.views, 0);
  return { a, b };
}

export const cases: unknown[][] = [[7], [4], [0]];
