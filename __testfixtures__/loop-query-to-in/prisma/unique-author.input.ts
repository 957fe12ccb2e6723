import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Each post's author, looked up one post at a time: many posts share an author,
// so the same key comes up several times.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published }, orderBy: { id: 'asc' } });
  const lines: string[] = [];
  for (const p of posts) {
    const author = await prisma.user.findUnique({ where: { id: p.authorId }, select: { id: true, name: true, email: true } });
    lines.push(`${p.title} by ${author?.name ?? author?.email ?? 'nobody'}`);
  }
  return { lines, count: posts.length };
}

export const cases: unknown[][] = [[true], [false]];
