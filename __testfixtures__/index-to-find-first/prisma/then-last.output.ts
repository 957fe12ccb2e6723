import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The last row of a `.then` callback's rows or of a `Promise.all` element.
export async function run(prisma: PrismaClient, minAge: number) {
  const youngest = await prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: [{ age: 'asc' }, { id: 'desc' }] }).then((lastRow) => lastRow ?? undefined);
  const [lastPost, count] = await Promise.all([prisma.post.findFirst({ where: { views: { gte: minAge } }, orderBy: { id: 'desc' } }), prisma.user.count()]);
  return { youngest: youngest?.email, last: (lastPost ?? undefined)!, count };
}

export const cases: unknown[][] = [[0], [40], [1000000000000]];
