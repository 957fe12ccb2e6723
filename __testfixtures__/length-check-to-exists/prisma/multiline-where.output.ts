import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A where over several lines keeps its layout: the existence query goes on
// the line after `=`, one level deeper, one argument a line.
export async function exists(prisma: PrismaClient, minAge: number) {
  const hasUsers =
    (await prisma.user.findFirst({
      where: {
        age: { gte: minAge },
        active: true,
      },
      select: { id: true },
    })) !== null;

  if (hasUsers) {
    return 'some';
  }
  return 'none';
}

// A predicate merged into a multi-line where: beside its fields, or in an AND
// when it tests a field the where already tests.
export async function run(prisma: PrismaClient, minAge: number, email: string) {
  const taken =
    (await prisma.user.findFirst({
      where: {
        age: { gte: minAge },
        active: true,
        email,
      },
      select: { id: true },
    })) !== null;
  const oldEnough =
    (await prisma.user.findFirst({
      where: {
        AND: [
          {
            age: { gte: minAge },
          },
          { age: { gte: 40 } },
        ],
      },
      select: { id: true },
    })) !== null;
  return [taken, oldEnough, await exists(prisma, minAge)];
}

export const cases: unknown[][] = [[0, 'alice@example.com'], [30, 'nobody@example.com'], [1000, 'alice@example.com']];

