import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `Promise.all` elements only tested for emptiness: each becomes an existence query.
export async function run(prisma: PrismaClient, minViews: number, title: string, email?: string) {
  const [hasUsers, hasPosts, hasMatchingTitled, hasMatchingActive] = await Promise.all([
    prisma.user.findFirst({ where: { age: { gte: minViews } }, select: { id: true } }).then((result) => result !== null),
    prisma.post.findFirst({ where: { views: { gte: minViews } }, select: { id: true } }).then((result) => result !== null),
    prisma.post.findFirst({ where: { published: true, title }, select: { id: true } }).then((result) => result !== null),
    (async () => email !== undefined && (await prisma.user.findFirst({ where: { active: true, email }, select: { id: true } })) !== null)(),
  ]);
  // email may be undefined: the existence query is guarded, so it runs in an async arrow.
  const known = hasMatchingActive;
  if (!hasUsers) return { users: 'none', posts: hasPosts, titled: hasMatchingTitled, known };
  return { users: 'some', posts: hasPosts, titled: false, known };
}

export const cases: unknown[][] = [[0, 'Hello', 'alice@example.com'], [50, 'nope'], [1000000, 'Hello', 'carol@example.com']];
