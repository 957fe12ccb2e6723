import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// An existing select keeps only the entries that are read.
export async function run(prisma: PrismaClient, age: number) {
  const people = await prisma.user.findMany({ where: { age }, select: { name: true }, orderBy: { email: 'asc' } });
  return people.map((p) => p.name);
}

export const cases: unknown[][] = [[30], [25], [99]];
