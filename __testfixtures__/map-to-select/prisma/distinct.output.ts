import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// distinct stays when the select keeps every distinct field: the same rows
// are picked, with fewer columns. Duplicate ages and NULL names in the seed.
export async function run(prisma: PrismaClient, active: boolean) {
  const byAge = (await prisma.user.findMany({ where: { active }, distinct: ['age'], orderBy: { id: 'asc' }, select: { age: true, name: true } })).map((u) => `${u.age}:${u.name ?? '-'}`);
  const byName = await prisma.user.findMany({ distinct: 'name', select: { id: true, name: true }, orderBy: { id: 'desc' } });
  const names = byName.map((u) => [u.id, u.name]);
  const perAuthor = (await prisma.post.findMany({ distinct: ['authorId', 'published'], select: { authorId: true, published: true, title: true }, orderBy: [{ views: 'desc' }, { id: 'asc' }] })).map((p) => [p.authorId, p.published, p.title]);
  return { byAge, names, perAuthor };
}

export const cases: unknown[][] = [[true], [false]];
