import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// cursor, skip and a positive take, and arguments held in a constant: findFirst keeps what decides the first row.
export async function run(prisma: PrismaClient, after: number) {
  const stable = ((await prisma.post.findFirst({ cursor: { id: after }, orderBy: { id: 'asc' }, skip: 1 })) ?? undefined)!;
  const byViews = ((await prisma.post.findFirst({ cursor: { id: after }, orderBy: { views: 'asc' } })) ?? undefined)!;
  const query = { where: { published: true }, orderBy: { views: 'desc' as const } };
  const popular = ((await prisma.post.findFirst(query)) ?? undefined)!;
  const skipped = ((await prisma.user.findFirst({ where: { active: true }, orderBy: { id: 'asc' }, skip: after })) ?? undefined)!;
  return { stable, byViews, popular, skipped };
}

export const cases: unknown[][] = [[1], [4], [19], [20], [99]];
