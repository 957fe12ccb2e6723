import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, minAge: number) {
  return (await prisma.user.findMany({ where: { age: { gte: minAge } } })).length;
}

export const cases: unknown[][] = [[0], [30], [1000]];
