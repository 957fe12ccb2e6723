import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The textbook N+1: one query per user for that user's posts.
// Users with no posts get [], every user's posts keep their order.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } });
  const report: { name: string | null; titles: string[]; total: number }[] = [];
  for (const u of users) {
    const posts = await prisma.post.findMany({ where: { authorId: u.id }, orderBy: { id: 'desc' } });
    report.push({ name: u.name, titles: posts.map((p) => p.title), total: posts.reduce((s, p) => s + p.views, 0) });
  }
  return report;
}

// 0: every user; 30: some users, some without posts; 1000: no user (the key list is empty).
export const cases: unknown[][] = [[0], [30], [1000]];
