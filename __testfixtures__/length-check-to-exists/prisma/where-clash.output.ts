import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The predicate tests a field the where clause already tests: both must hold.
export async function run(prisma: PrismaClient, limit: number) {
  const young = { age: { lt: 40 } };
  const clash = (await prisma.user.findFirst({ where: { AND: [{ age: { gt: 26 } }, { age: { lt: limit } }] }, select: { id: true } })) !== null;
  const held = (await prisma.user.findFirst({ where: { AND: [young, { age: { gt: limit } }] }, select: { id: true } })) !== null;
  return { clash, held };
}

export const cases: unknown[][] = [[27], [28], [39], [100]];
