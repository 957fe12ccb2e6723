import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function send(row: unknown): Promise<void>;

// Rows of one parent (issue 13, class 3): nothing here says whether one
// author's posts are a few or many, so these are hints, not errors.
export async function run(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId, published: true } });
  for (const p of posts) await send(p);
  const nested = await prisma.post.findMany({ where: { author: { is: { email: 'a@example.com' } }, authorId: { equals: authorId } } });
  for (const p of nested) await send(p);
  // A literal list of values is not a bound: every published or unpublished post.
  const all = await prisma.post.findMany({ where: { published: { in: [true, false] } } });
  for (const p of all) await send(p);
  return posts.length + nested.length + all.length;
}
