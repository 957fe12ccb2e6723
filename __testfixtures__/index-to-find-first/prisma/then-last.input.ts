import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The last row of a `.then` callback's rows or of a `Promise.all` element.
export async function run(prisma: PrismaClient, minAge: number) {
  const youngest = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: [{ age: 'desc' }, { id: 'asc' }] }).then((rows) => rows.at(-1));
  const [posts, count] = await Promise.all([prisma.post.findMany({ where: { views: { gte: minAge } }, orderBy: { id: 'asc' } }), prisma.user.count()]);
  return { youngest: youngest?.email, last: posts[posts.length - 1], count };
}

export const cases: unknown[][] = [[0], [40], [1000000000000]];
