import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A float sum whose result depends on how it is added: scores 1e16 and -1e16
// swallow the small values added between them. review: JavaScript adds in
// the order the rows were loaded, SUM in storage order (PostgreSQL, MariaDB)
// or with compensated summation (SQLite); engine-differences.ts lists it.
export async function run(prisma: PrismaClient, minAge: number) {
  return (await prisma.user.aggregate({ where: { age: { gte: minAge } }, _sum: { score: true } }))._sum.score ?? 0;
}

// every user (the sum cancels), users from 36 on (-1e16 and no 1e16)
export const cases: unknown[][] = [[0], [36]];
