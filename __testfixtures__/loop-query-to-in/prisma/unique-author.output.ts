import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Each post's author, looked up one post at a time: many posts share an author,
// so the same key comes up several times.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published }, orderBy: { id: 'asc' } });
  const lines: string[] = [];
  const userRows = await prisma.user.findMany({ where: { id: { in: posts.map((p) => p.authorId) } }, select: { id: true, name: true, email: true } });
  const authorById = new Map(userRows.map((row) => [row.id, row] as const));
  for (const p of posts) {
    const author = authorById.get(p.authorId) ?? null;
    lines.push(`${p.title} by ${author?.name ?? author?.email ?? 'nobody'}`);
  }
  return { lines, count: posts.length };
}

export const cases: unknown[][] = [[true], [false]];
