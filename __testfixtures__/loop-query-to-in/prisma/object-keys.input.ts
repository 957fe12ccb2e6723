import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// DateTime and Decimal keys are objects in JavaScript: a Map compares them by identity.
export async function sameDay(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.user.findMany({ where: { createdAt: u.createdAt } }));
  return out;
}

export async function sameBalance(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.user.findMany({ where: { balance: u.balance } }));
  return out;
}
