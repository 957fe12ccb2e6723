import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Every comparison that only asks "any rows?" or "no rows?", in both operand orders.
export async function run(prisma: PrismaClient, minAge: number) {
  const where = { age: { gte: minAge } };
  return [
    (await prisma.user.findMany({ where })).length > 0,
    (await prisma.user.findMany({ where })).length !== 0,
    (await prisma.user.findMany({ where })).length != 0,
    (await prisma.user.findMany({ where })).length >= 1,
    0 < (await prisma.user.findMany({ where })).length,
    1 <= (await prisma.user.findMany({ where })).length,
    (await prisma.user.findMany({ where })).length === 0,
    (await prisma.user.findMany({ where })).length < 1,
    (await prisma.user.findMany({ where })).length <= 0,
    0 === (await prisma.user.findMany({ where })).length,
    1 > (await prisma.user.findMany({ where })).length,
  ];
}

// several rows, exactly one (only user 12 is 60), none
export const cases: unknown[][] = [[0], [60], [1000]];
