import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Int sum over several matches, one match and none.
export async function run(prisma: PrismaClient, minAge: number) {
  const total = (await prisma.user.aggregate({ where: { age: { gte: minAge } }, _sum: { age: true } }))._sum.age ?? 0;
  return total;
}

export const cases: unknown[][] = [[0], [60], [1000]];
