import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Comparisons with other literals ask for a count, but never past what they need.
export async function run(prisma: PrismaClient, age: number) {
  const exactlyOne = (await prisma.user.count({ where: { age }, take: 2 })) === 1;
  const several = (await prisma.user.count({ where: { age }, take: 2 })) > 1;
  const atLeastTwo = 2 <= (await prisma.user.count({ where: { age }, take: 2 }));
  const fewerThanThree = (await prisma.user.count({ where: { age }, take: 3 })) < 3;
  const notTwo = (await prisma.user.count({ where: { age }, take: 2 })) !== 2;
  const oneMore = (await prisma.user.count({ where: { age }, skip: 1, take: 2 })) === 1;
  const afterCursor = (await prisma.user.count({ where: { age }, cursor: { id: 3 }, orderBy: { id: 'asc' }, take: 2 })) > 1;
  return { exactlyOne, several, atLeastTwo, fewerThanThree, notTwo, oneMore, afterCursor };
}

// three users are 30, two are 25, one is 60, none is 99
export const cases: unknown[][] = [[30], [25], [60], [99]];
