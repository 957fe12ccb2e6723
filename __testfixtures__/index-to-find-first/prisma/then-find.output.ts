import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.find(pred)` as the only use of the rows in a `.then` callback or a `Promise.all` element.
export async function run(prisma: PrismaClient, minAge: number) {
  const found = await prisma.user.findFirst({ orderBy: { id: 'asc' }, where: { age: { gt: minAge } } }).then((matchingUser) => matchingUser ?? undefined);
  const [matchingPost, count] = await Promise.all([prisma.post.findFirst({ orderBy: { id: 'desc' }, where: { views: { gte: minAge } } }), prisma.user.count()]);
  const post = matchingPost ?? undefined;
  return { found, post: post?.title, count };
}

export const cases: unknown[][] = [[0], [40], [1000]];
