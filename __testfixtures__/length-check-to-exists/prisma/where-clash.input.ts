import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The predicate tests a field the where clause already tests: both must hold.
export async function run(prisma: PrismaClient, limit: number) {
  const young = { age: { lt: 40 } };
  const clash = (await prisma.user.findMany({ where: { age: { gt: 26 } } })).some((u) => u.age < limit);
  const held = (await prisma.user.findMany({ where: young })).some((u) => u.age > limit);
  return { clash, held };
}

export const cases: unknown[][] = [[27], [28], [39], [100]];
