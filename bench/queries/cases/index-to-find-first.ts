import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The first active user by id. Loads every active user to keep one.
export async function run(prisma: PrismaClient) {
  const first = (await prisma.user.findMany({ where: { active: true }, orderBy: { id: 'asc' } }))[0];
  return first?.email;
}
