import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `Promise.all` elements only tested for emptiness: each becomes an existence query.
export async function run(prisma: PrismaClient, minViews: number, title: string, email?: string) {
  const [users, posts, titled, active] = await Promise.all([
    prisma.user.findMany({ where: { age: { gte: minViews } } }),
    prisma.post.findMany({ where: { views: { gte: minViews } } }),
    prisma.post.findMany({ where: { published: true } }),
    prisma.user.findMany({ where: { active: true } }),
  ]);
  // email may be undefined: the existence query is guarded, so it runs in an async arrow.
  const known = active.some((u) => u.email === email);
  if (!users.length) return { users: 'none', posts: posts.length > 0, titled: titled.some((p) => p.title === title), known };
  return { users: 'some', posts: posts.length !== 0, titled: false, known };
}

export const cases: unknown[][] = [[0, 'Hello', 'alice@example.com'], [50, 'nope'], [1000000, 'Hello', 'carol@example.com']];
