import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.find` used only to ask whether a row matches.
export async function run(prisma: PrismaClient, minAge: number) {
  const found = [];
  if ((await prisma.user.findMany()).find((u) => u.age >= minAge)) found.push('truthy');
  if ((await prisma.user.findMany()).find((u) => u.age >= minAge) === undefined) found.push('undefined');
  if ((await prisma.user.findMany()).find((u) => !u.active && u.age >= minAge) != null) found.push('inactive');
  return found;
}

export const cases: unknown[][] = [[0], [45], [61]];
