import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Several `.some` tests (and an emptiness test) on the same rows: one existence
// query each, asked where the rows were loaded. `gone` removes an author's posts
// first, so the last case has no rows at all.
export async function run(prisma: PrismaClient, authorId: number, minViews: number, gone: number) {
  return { tests: await tests(prisma, authorId, minViews, gone), guarded: await guarded(prisma, [undefined, null, 'Alice', 'Nobody'][authorId % 4], `${['alice', 'bob', 'nobody'][minViews % 3]}@example.com`) };
}

export async function tests(prisma: PrismaClient, authorId: number, minViews: number, gone: number) {
  await prisma.post.deleteMany({ where: { authorId: gone } });
  const posts = await prisma.post.findMany({ where: { authorId: { gte: gone } } });
  const popular = posts.some((p) => p.authorId === authorId && p.views >= minViews);
  const quiet = !posts.some((p) => p.views < minViews);
  if (posts.length === 0) return { popular, quiet, none: true };
  return { popular, quiet, none: false };
}

export const cases: unknown[][] = [[7, 1000, 0], [7, 1001, 0], [6, 0, 1], [4, 0, 3], [15, 0, 15], [5, 2, 0]];

// A value that may be undefined is tested first, as for one `.some`; `.find` tested for truthiness counts too.
export async function guarded(prisma: PrismaClient, name: string | null | undefined, email: string) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const named = users.some((u) => u.name === name);
  if (users.find((u) => u.email === email)) return { named, known: true };
  return { named, known: false };
}
