import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A destructured row parameter: each name is a field, renamed or not.
export async function run(prisma: PrismaClient, minViews: number) {
  const posts = (await prisma.post.findMany({ orderBy: { id: 'asc' } })).filter(({ published, views: seen }) => published && seen >= minViews);
  return posts.map(({ id }) => id);
}

export const cases: unknown[][] = [[0], [100], [5000]];
