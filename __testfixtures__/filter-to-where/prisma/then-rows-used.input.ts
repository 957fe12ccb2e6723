import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows are used for more than the filter: nothing to rewrite.
export async function run(prisma: PrismaClient, minAge: number) {
  const both = await prisma.user.findMany().then((users) => ({ all: users, adults: users.filter((u) => u.age >= minAge) }));
  const [posts, users] = await Promise.all([prisma.post.findMany(), prisma.user.findMany()]);
  const popular = posts.filter((p) => p.views >= minAge);
  return { both, popular, posts, users };
}
