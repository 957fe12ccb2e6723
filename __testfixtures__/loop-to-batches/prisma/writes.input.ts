import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The body writes to the rows it sees, on a field the where does not read.
export async function run(prisma: PrismaClient, minViews: number) {
  const touched: number[] = [];
  const posts = await prisma.post.findMany({ where: { views: { gte: minViews } } });
  for (const post of posts) {
    await prisma.post.update({ where: { id: post.id }, data: { title: `${post.title}!` } });
    touched.push(post.id);
  }
  (await prisma.user.findMany({ where: { active: false } })).forEach((user) => void touched.push(user.id * 1000));
  return touched;
}

export const cases: unknown[][] = [[0], [10], [5000]];
