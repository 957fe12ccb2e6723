import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The rows are needed: an emptiness test beside another use leaves them alone.
export async function run(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  if (users.length === 0) return [];
  return users;
}

export async function some(prisma: PrismaClient, email: string) {
  const users = await prisma.user.findMany();
  if (users.some((u) => u.email === email)) return users.map((u) => u.id);
  return [];
}
