import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A binding whose every use is an emptiness test, typed and used several times.
export async function run(prisma: PrismaClient, authorId: number) {
  const drafts = await prisma.post.findMany({ where: { authorId, published: false }, orderBy: { id: 'asc' } });
  if (drafts.length === 0) {
    return 'no drafts';
  }
  return !drafts.length ? 'unreachable' : 'has drafts';
}

// user 1 has a draft, user 2 has none, user 4 has no posts at all
export const cases: unknown[][] = [[1], [2], [4]];
