import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, clear: boolean) {
  if (clear) await prisma.post.deleteMany();
  const ratings = (await prisma.post.findMany()).map(function (p, i) {
    return { i, rating: p.rating, title: p['title'] };
  });
  return ratings.sort((a, b) => a.title.localeCompare(b.title));
}

export const cases: unknown[][] = [[false], [true]];
