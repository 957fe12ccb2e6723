import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Ordered per-row queries: the keys go in slices (2 here, by the case's options;
// half the database's parameter limit by default), one query per slice, in order.
// Posts' authors repeat, so a key can come up in several slices' lists.
export async function run(prisma: PrismaClient, published: boolean) {
  const posts = await prisma.post.findMany({ where: { published }, orderBy: { id: 'asc' } });
  const out: [number, number[]][] = [];
  for (const p of posts) {
    const byAuthor = await prisma.post.findMany({ where: { authorId: p.authorId }, orderBy: [{ views: 'desc' }, { id: 'asc' }] });
    out.push([p.id, byAuthor.map((b) => b.id)]);
  }
  const users = await prisma.user.findMany({ where: { age: { gte: 0 } }, orderBy: { id: 'desc' } });
  const perUser = await Promise.all(users.map(async (u) => (await prisma.post.findMany({ where: { authorId: u.id }, orderBy: { id: 'asc' } })).length));
  return { out, perUser };
}

export const cases: unknown[][] = [[true], [false]];
