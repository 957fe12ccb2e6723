import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.find(pred)` used as a row: the first matching row, asked of the database.
export async function run(prisma: PrismaClient, email: string, minViews: number) {
  const match = (await prisma.user.findMany({ orderBy: { id: 'asc' } })).find((u) => u.email === email);
  const posts = await prisma.post.findMany({ where: { published: true }, orderBy: [{ views: 'desc' }, { id: 'asc' }] });
  const popular = posts.find((p) => p.views >= minViews && p.rating !== null);
  // `?.` treats null like undefined: no `?? undefined` needed.
  const oldest = (await prisma.user.findMany({ orderBy: { id: 'desc' }, select: { id: true, name: true, age: true } })).find((u) => u.age > 40)?.name;
  return { match, isUndefined: match === undefined, popular, oldest };
}

export const cases: unknown[][] = [['alice@example.com', 100], ['nobody@example.com', 5000], ['ivan@example.com', 0]];
