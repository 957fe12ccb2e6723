import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Uses that can tell null from undefined keep undefined.
export async function run(prisma: PrismaClient, name: string | null) {
  const match = ((await prisma.user.findFirst({ where: { name }, orderBy: { id: 'asc' } })) ?? undefined)!;
  const fallback = (await prisma.post.findFirst({ where: { title: name ?? undefined }, select: { title: true }, skip: 1 })) ?? 'none';
  const firstRow = ((await prisma.user.findFirst({ where: { name, active: true }, orderBy: { id: 'desc' }, include: { posts: { orderBy: { id: 'asc' } } } })) ?? undefined)!;
  const distinctAges = ((await prisma.user.findFirst({ where: { name: { not: name } }, distinct: ['age'], orderBy: { age: 'asc' }, select: { age: true } })) ?? undefined)!;
  return { match, isUndefined: match === undefined, fallback, type: typeof firstRow, first: firstRow, distinctAges };
}

export const cases: unknown[][] = [['Alice'], [null], ['Nobody'], ['Grace 1']];
