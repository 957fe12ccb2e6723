import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// take and skip bound the rows, so count() keeps them; orderBy cannot change how many.
export async function run(prisma: PrismaClient, skip: number, take: number) {
  return await prisma.user.count({
    where: { active: true },
    skip,
    take,
  });
}

export const cases: unknown[][] = [[0, 3], [2, 100], [1, -2], [0, 0], [50, 5]];
