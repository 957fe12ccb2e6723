import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows' only use is one filter: the query stays where it was, narrowed.
export async function run(prisma: PrismaClient, authorId: number) {
  const published = await prisma.post.findMany({ orderBy: { id: 'desc' }, where: { published: true, authorId } });
  return published.map((p) => p.title);
}

export async function returned(prisma: PrismaClient, minScore: number) {
  let users = await prisma.user.findMany({ where: { active: true, score: { gte: minScore } }, orderBy: { id: 'asc' } });
  return users;
}

export const cases: unknown[][] = [[1], [7], [4]];
