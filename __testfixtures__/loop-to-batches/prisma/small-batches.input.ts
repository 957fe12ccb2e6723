import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// More matching rows than fit in one page (batchSize 2, from small-batches.options.json).
export async function run(prisma: PrismaClient, active: boolean) {
  const seen: number[] = [];
  const users = await prisma.user.findMany({ where: { active }, select: { id: true, age: true } });
  for (const { id, age } of users) {
    if (age < 20) continue;
    seen.push(id);
  }
  const titles: string[] = [];
  (await prisma.post.findMany({ where: { published: true }, orderBy: { id: 'desc' } })).forEach((post) => {
    if (post.views === 0) return;
    titles.push(post.title);
  });
  return { seen, titles };
}

export const cases: unknown[][] = [[true], [false]];
