import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, minAge: number) {
  return (await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' }, select: { email: true } })).map((u) => u.email);
}

export const cases: unknown[][] = [[0], [30], [1000]];
