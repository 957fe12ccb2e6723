import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The alias `const first = users[0];` stands between two blank lines: its
// removal leaves one blank line, not two.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } });

  const first = users[0];

  return first?.email ?? null;
}

export const cases: unknown[][] = [[0], [30], [200]];
