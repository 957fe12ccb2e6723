import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Every active user's email. Loads every column of every active user.
export async function run(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  return users.map((u) => u.email);
}
