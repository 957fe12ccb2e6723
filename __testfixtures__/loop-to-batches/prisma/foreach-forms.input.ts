import type { PrismaClient } from '../../../test/prisma/generated/client.js';

type Row = { id: number; title: string; views: number };

// forEach callbacks of every shape a for-of body can take over.
export async function run(prisma: PrismaClient, minViews: number) {
  const seen: string[] = [];
  (await prisma.post.findMany({ where: { views: { gte: minViews } } })).forEach((p: Row) => seen.push(`a${p.id}`));
  (await prisma.post.findMany({ where: { views: { lt: minViews } } })).forEach(({ id, views }) => {
    if (views === 0) return;
    seen.push(`b${id}`);
  });
  (await prisma.user.findMany({ where: { active: true } })).forEach(function (u) {
    u = { ...u, name: u.name ?? '?' };
    seen.push(`c${u.name}`);
  });
  const posts = await prisma.post.findMany({ where: { published: false }, select: { id: true, title: true } });
  posts.forEach((post) => {
    for (const ch of post.title) {
      if (ch === ' ') break;
      seen.push(ch);
    }
    switch (post.id % 3) {
      case 0:
        return;
      default:
        seen.push(`d${post.id}`);
    }
  });
  for await (const u of await prisma.user.findMany({ where: { bonus: { not: null } } })) seen.push(`e${u.id}`);
  return seen;
}

export const cases: unknown[][] = [[0], [10], [100]];
