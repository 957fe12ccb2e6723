import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Collects what the loop body sees.
export async function run(prisma: PrismaClient, minAge: number) {
  const seen: string[] = [];
  for (const user of await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } })) {
    seen.push(`${user.id}:${user.name ?? '-'}`);
  }
  return seen;
}

export const cases: unknown[][] = [[0], [30], [99]];
