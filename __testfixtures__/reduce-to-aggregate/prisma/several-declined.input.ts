import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Several aggregates of one load that no single aggregate() says exactly: findings.
export async function nullableExtremum(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  // Math.max reads NULL as 0: the database's MAX skips it.
  return { total: users.reduce((s, u) => s + u.age, 0), most: Math.max(...users.map((u) => u.bonus!)) };
}

export async function decimal(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const balance = users.reduce((s, u) => s + (u.balance as unknown as number), 0);
  return balance / users.length;
}

export async function distinctRows(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ distinct: ['age'] });
  return users.reduce((s, u) => s + u.age, 0) / users.length;
}
