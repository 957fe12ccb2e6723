import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows are used for more than the sum: nothing to rewrite.
export async function run(prisma: PrismaClient) {
  const both = await prisma.post.findMany().then((posts) => ({ posts, total: posts.reduce((s, p) => s + p.views, 0) }));
  const [users, posts] = await Promise.all([prisma.user.findMany(), prisma.post.findMany()]);
  const oldest = Math.max(...users.map((u) => u.age));
  return { both, oldest, users, posts };
}
