import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A multi-line where keeps its lines, one level deeper per bracket; the blank
// line between the load and the loop goes with the load.
export async function visit(prisma: PrismaClient, minAge: number) {
  const seen: string[] = [];
  // Visit every matching user.
  const users = await prisma.user.findMany({
    where: {
      age: { gte: minAge },
      active: true,
    },
  });

  for (const user of users) {
    seen.push(user.email);
  }
  return seen;
}

export async function run(prisma: PrismaClient, minAge: number) {
  const names: string[] = [];
  const users = await prisma.user.findMany({
    where: { age: { gte: minAge } },
    select: {
      id: true,
      name: true,
    },
  });

  for (const user of users) {
    names.push(user.name ?? '-');
  }
  return [await visit(prisma, minAge), names];
}

export const cases: unknown[][] = [[0], [30], [1000]];
