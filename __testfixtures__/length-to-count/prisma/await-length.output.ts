import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, minAge: number) {
  return await prisma.user.count({ where: { age: { gte: minAge } } });
}

export const cases: unknown[][] = [[0], [30], [1000]];
