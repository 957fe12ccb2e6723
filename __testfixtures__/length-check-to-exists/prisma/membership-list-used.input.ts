import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The list (or the rows) serves more than one membership test: nothing to rewrite.
export async function run(prisma: PrismaClient, id: number, other: number) {
  const users = await prisma.user.findMany();
  const ids = users.map((u) => u.id);
  const known = ids.includes(id);
  const posts = await prisma.post.findMany();
  const postIds = posts.map((p) => p.id);
  const both = postIds.includes(id) && postIds.includes(other);
  const authors = (await prisma.post.findMany()).map((p) => p.authorId);
  authors.push(other);
  const wrote = authors.includes(id);
  let emails = (await prisma.user.findMany()).map((u) => u.email);
  const found = emails.includes('alice@example.com');
  emails = [];
  return { known, ids, both, wrote, found, emails };
}
