import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, minViews: number) {
  const [users, posts] = await Promise.all([
    prisma.user.findMany({ where: { active: true } }),
    prisma.post.findMany({ where: { views: { gte: minViews } }, orderBy: { id: 'asc' } }),
  ]);
  return { users: users.length, postIds: posts.map((p) => p.id) };
}

export const cases: unknown[][] = [[0], [100], [1000000]];
