import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Is there any active user? Loads every active user to find out.
export async function run(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  return users.length > 0;
}
