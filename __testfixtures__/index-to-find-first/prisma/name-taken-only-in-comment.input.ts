import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// New names are checked against the names the code spells, not its text:
// this comment says firstPost, the string below says 'firstUser', and
// neither is bound, so both names are free.
export async function run(prisma: PrismaClient, authorId: number) {
  const label = 'firstUser';
  const posts = await prisma.post.findMany({ where: { authorId }, orderBy: { id: 'asc' } });
  const users = await prisma.user.findMany({ orderBy: { id: 'asc' } });
  return { label, title: posts[0]?.title, email: users[0]?.email };
}

export const cases: unknown[][] = [[1], [999]];
