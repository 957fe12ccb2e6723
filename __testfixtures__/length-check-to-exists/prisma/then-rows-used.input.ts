import type { PrismaClient, User } from '../../../test/prisma/generated/client.js';

// The rows are used for more than an emptiness test: nothing to rewrite.
export async function run(prisma: PrismaClient) {
  const a = await prisma.user.findMany().then((rows) => (rows.length > 0 ? rows : null));
  const b = await prisma.user.findMany().then((rows) => rows.length);
  const [users, posts] = await Promise.all([prisma.user.findMany(), prisma.post.findMany()]);
  const [typed]: [User[]] = await Promise.all([prisma.user.findMany()]);
  return { a, b, any: users.length > 0, posts, typed: typed.length > 0, users };
}
