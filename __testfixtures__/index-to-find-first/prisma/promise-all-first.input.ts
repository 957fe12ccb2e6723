import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A `Promise.all` element of which only the first row is used.
export async function run(prisma: PrismaClient, minViews: number) {
  const [posts, users] = await Promise.all([
    prisma.post.findMany({ where: { views: { gte: minViews } }, orderBy: { id: 'asc' } }),
    prisma.user.findMany({ where: { active: true }, orderBy: { id: 'asc' } }),
  ]);
  const top = posts[0];
  return { top, id: posts[0] ? posts[0].id : -1, users: users.map((u) => u.id) };
}

export const cases: unknown[][] = [[0], [100], [1000000000000]];
