import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.find(pred)` as the only use of the rows in a `.then` callback or a `Promise.all` element.
export async function run(prisma: PrismaClient, minAge: number) {
  const found = await prisma.user.findMany({ orderBy: { id: 'asc' } }).then((users) => users.find((u) => u.age > minAge));
  const [posts, count] = await Promise.all([prisma.post.findMany({ orderBy: { id: 'desc' } }), prisma.user.count()]);
  const post = posts.find((p) => p.views >= minAge);
  return { found, post: post?.title, count };
}

export const cases: unknown[][] = [[0], [40], [1000]];
