import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// How many active users? Loads every active user to count them.
export async function run(prisma: PrismaClient) {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}
