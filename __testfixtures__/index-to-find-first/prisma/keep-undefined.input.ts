import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Uses that can tell null from undefined keep undefined.
export async function run(prisma: PrismaClient, name: string | null) {
  const [match] = await prisma.user.findMany({ where: { name }, orderBy: { id: 'asc' } });
  const [fallback = 'none'] = await prisma.post.findMany({ where: { title: name ?? undefined }, select: { title: true }, skip: 1 });
  const rows = await prisma.user.findMany({ where: { name, active: true }, orderBy: { id: 'desc' }, include: { posts: { orderBy: { id: 'asc' } } } });
  const distinctAges = (await prisma.user.findMany({ where: { name: { not: name } }, distinct: ['age'], orderBy: { age: 'asc' }, select: { age: true } }))[0];
  return { match, isUndefined: match === undefined, fallback, type: typeof rows[0], first: rows[0], distinctAges };
}

export const cases: unknown[][] = [['Alice'], [null], ['Nobody'], ['Grace 1']];
