import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A name is checked only in the function the new declaration goes into:
// `firstUser` of another function does not make this one `firstUser2`, but a
// module-level `firstPost` read in here does make `firstPost2`.
const firstPost = { title: 'pinned' };

function other(users: { email: string }[]) {
  const firstUser = users[0];
  return firstUser?.email;
}

export async function run(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId }, orderBy: { id: 'asc' } });
  const users = await prisma.user.findMany({ orderBy: { id: 'asc' } });
  return { pinned: firstPost.title, title: posts[0]?.title, email: users[0]?.email, other: other([]) };
}

export async function again(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ orderBy: { id: 'desc' } });
  return users[0]?.email;
}

export const cases: unknown[][] = [[1], [999]];
