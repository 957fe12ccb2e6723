import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Several `.some` tests on the same rows where one cannot become a where clause:
// the findings say why, and the load stays (one query, not some of them).
export async function withCall(prisma: PrismaClient, prefix: string, minViews: number) {
  const posts = await prisma.post.findMany();
  const popular = posts.some((p) => p.views >= minViews);
  const titled = posts.some((p) => p.title.startsWith(prefix));
  return { popular, titled };
}

export async function laterValue(prisma: PrismaClient, minViews: number) {
  let limit = minViews;
  const posts = await prisma.post.findMany();
  limit = limit * 2;
  // `limit` is not what it was when the rows were loaded.
  return [posts.some((p) => p.views > limit), posts.some((p) => p.published)];
}
