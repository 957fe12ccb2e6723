import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Total age of active users. Loads every active user to add one column.
export async function run(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  return users.reduce((sum, u) => sum + u.age, 0);
}
