import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// cursor, skip and a positive take, and arguments held in a constant: findFirst keeps what decides the first row.
export async function run(prisma: PrismaClient, after: number) {
  const stable = (await prisma.post.findMany({ cursor: { id: after }, orderBy: { id: 'asc' }, skip: 1, take: 3 }))[0];
  const byViews = (await prisma.post.findMany({ cursor: { id: after }, orderBy: { views: 'asc' } }))[0];
  const query = { where: { published: true }, orderBy: { views: 'desc' as const } };
  const [popular] = await prisma.post.findMany(query);
  const skipped = (await prisma.user.findMany({ where: { active: true }, orderBy: { id: 'asc' }, skip: after }))[0];
  return { stable, byViews, popular, skipped };
}

export const cases: unknown[][] = [[1], [4], [19], [20], [99]];
