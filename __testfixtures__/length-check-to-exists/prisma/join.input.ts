import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A predicate that reads a variable of an enclosing callback is a join
// (issue 13, class 4): one findFirst per title would be a query per item.
export async function run(prisma: PrismaClient, titles: string[]) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  return titles.filter((t) => !posts.some((p) => p.title === t));
}
