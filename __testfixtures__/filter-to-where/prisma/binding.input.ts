import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows' only use is one filter: the query stays where it was, narrowed.
export async function run(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ orderBy: { id: 'desc' } });
  const published = posts.filter((p) => p.published && p.authorId === authorId);
  return published.map((p) => p.title);
}

export async function returned(prisma: PrismaClient, minScore: number) {
  let users = await prisma.user.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
  return users.filter((u) => u.score >= minScore);
}

export const cases: unknown[][] = [[1], [7], [4]];
