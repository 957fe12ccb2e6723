import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, name: string | null) {
  return prisma.$transaction(async (tx) => {
    const total = (await tx.user.findMany({ where: { name }, select: { id: true } })).length;
    return total;
  });
}

export const cases: unknown[][] = [[null], ['Ada'], ['nobody']];
