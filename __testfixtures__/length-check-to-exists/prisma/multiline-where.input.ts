import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A where over several lines keeps its layout: the existence query goes on
// the line after `=`, one level deeper, one argument a line.
export async function exists(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({
    where: {
      age: { gte: minAge },
      active: true,
    },
    orderBy: {
      createdAt: 'asc',
    },
  });

  if (users.length > 0) {
    return 'some';
  }
  return 'none';
}

// A predicate merged into a multi-line where: beside its fields, or in an AND
// when it tests a field the where already tests.
export async function run(prisma: PrismaClient, minAge: number, email: string) {
  const users = await prisma.user.findMany({
    where: {
      age: { gte: minAge },
      active: true,
    },
  });
  const taken = users.some((u) => u.email === email);
  const older = await prisma.user.findMany({
    where: {
      age: { gte: minAge },
    },
  });
  const oldEnough = older.some((u) => u.age !== null && u.age >= 40);
  return [taken, oldEnough, await exists(prisma, minAge)];
}

export const cases: unknown[][] = [[0, 'alice@example.com'], [30, 'nobody@example.com'], [1000, 'alice@example.com']];

