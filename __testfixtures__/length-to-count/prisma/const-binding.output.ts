import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient) {
  const usersCount = await prisma.user.count({ where: { active: true } });
  return usersCount;
}
