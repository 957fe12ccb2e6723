import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A conjunction of a Boolean flag and an ordering test, with orderBy kept.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ orderBy: { id: 'asc' }, where: { active: true, age: { gte: minAge } } });
  return users.map((u) => u.email);
}

// several, one (user 12), none
export const cases: unknown[][] = [[0], [55], [100]];
