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
  const firstPost2 = await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'asc' } });
  const firstUser = await prisma.user.findFirst({ orderBy: { id: 'asc' } });
  return { pinned: firstPost.title, title: firstPost2?.title, email: firstUser?.email, other: other([]) };
}

export async function again(prisma: PrismaClient) {
  const firstUser = await prisma.user.findFirst({ orderBy: { id: 'desc' } });
  return firstUser?.email;
}

export const cases: unknown[][] = [[1], [999]];
