import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function notify(id: number): Promise<void>;

// An N+1 over the rows of one parent row: a hint, as the load itself would be.
export async function scoped(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId } });
  for (const p of posts) {
    await notify(p.id);
    const author = await prisma.user.findUnique({ where: { id: p.authorId } });
    console.log(author?.email);
  }
}

// Over a list derived from every active user: the whole-table N+1 stays a
// finding, and a long call is quoted on one line, its arguments cut.
export async function derivedWhole(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const adults = users.filter((u) => u.age !== null && u.age >= 18);
  for (const u of adults) {
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    await prisma.post.updateMany({
      where: { authorId: u.id, published: false, title: { startsWith: 'draft' } },
      data: { views: posts.length },
    });
  }
}
