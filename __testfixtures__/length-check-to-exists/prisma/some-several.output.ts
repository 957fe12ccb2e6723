import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Several `.some` tests (and an emptiness test) on the same rows: one existence
// query each, asked where the rows were loaded. `gone` removes an author's posts
// first, so the last case has no rows at all.
export async function run(prisma: PrismaClient, authorId: number, minViews: number, gone: number) {
  return { tests: await tests(prisma, authorId, minViews, gone), guarded: await guarded(prisma, [undefined, null, 'Alice', 'Nobody'][authorId % 4], `${['alice', 'bob', 'nobody'][minViews % 3]}@example.com`) };
}

export async function tests(prisma: PrismaClient, authorId: number, minViews: number, gone: number) {
  await prisma.post.deleteMany({ where: { authorId: gone } });
  const hasPosts = (await prisma.post.findFirst({ where: { authorId: { gte: gone } }, select: { id: true } })) !== null;
  const hasMatchingPosts = (await prisma.post.findFirst({ where: { AND: [{ authorId: { gte: gone } }, { authorId, views: { gte: minViews } }] }, select: { id: true } })) !== null;
  const hasMatchingPosts2 = (await prisma.post.findFirst({ where: { authorId: { gte: gone }, views: { lt: minViews } }, select: { id: true } })) !== null;
  const popular = hasMatchingPosts;
  const quiet = !hasMatchingPosts2;
  if (!hasPosts) return { popular, quiet, none: true };
  return { popular, quiet, none: false };
}

export const cases: unknown[][] = [[7, 1000, 0], [7, 1001, 0], [6, 0, 1], [4, 0, 3], [15, 0, 15], [5, 2, 0]];

// A value that may be undefined is tested first, as for one `.some`; `.find` tested for truthiness counts too.
export async function guarded(prisma: PrismaClient, name: string | null | undefined, email: string) {
  const hasMatchingUsers = name !== undefined && (await prisma.user.findFirst({ where: { active: true, name }, select: { id: true } })) !== null;
  const hasMatchingUsers2 = (await prisma.user.findFirst({ where: { active: true, email }, select: { id: true } })) !== null;
  const named = hasMatchingUsers;
  if (hasMatchingUsers2) return { named, known: true };
  return { named, known: false };
}
