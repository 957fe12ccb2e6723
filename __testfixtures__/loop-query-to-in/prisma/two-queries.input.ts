import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Two per-row queries in one loop, keyed by a field that repeats (many posts per author):
// both become one query each.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published }, orderBy: { title: 'asc' } });
  const out: { title: string; author: string; drafts: string[] }[] = [];
  for (const post of posts) {
    const author = await prisma.user.findUnique({ where: { id: post.authorId } });
    const drafts = await prisma.post.findMany({ where: { authorId: post.authorId, published: false }, orderBy: { id: 'asc' } });
    if (!author) continue;
    out.push({ title: post.title, author: author.email, drafts: drafts.map((d) => d.title) });
  }
  return out;
}

export const cases: unknown[][] = [[true], [false]];
