import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Nullable fields: `s + null` is s for numbers, and SUM skips NULLs.
// authorId 10 has only NULL ratings; 4 has no posts; 7 has NULLs and values.
export async function run(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({
    where: { authorId },
    orderBy: { id: 'asc' },
  });
  const ratings = posts.reduce((acc, p) => acc + p.rating!, 0);
  const users = await prisma.user.findMany({ where: { id: { lte: authorId } }, include: { posts: true } });
  const bonus = 100 + users.reduce((acc, { bonus }) => {
    return acc + (bonus ?? 0);
  }, -2.5);
  return { ratings, bonus };
}

export const cases: unknown[][] = [[7], [10], [4], [2], [0]];
