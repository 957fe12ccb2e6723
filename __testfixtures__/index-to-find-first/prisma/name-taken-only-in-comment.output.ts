import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// New names are checked against the names the code spells, not its text:
// this comment says firstPost, the string below says 'firstUser', and
// neither is bound, so both names are free.
export async function run(prisma: PrismaClient, authorId: number) {
  const label = 'firstUser';
  const firstPost = await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'asc' } });
  const firstUser = await prisma.user.findFirst({ orderBy: { id: 'asc' } });
  return { label, title: firstPost?.title, email: firstUser?.email };
}

export const cases: unknown[][] = [[1], [999]];
