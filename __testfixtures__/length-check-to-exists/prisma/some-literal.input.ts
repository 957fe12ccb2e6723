import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.some` with literal values: no guard needed.
export async function run(prisma: PrismaClient) {
  const anyAlice = (await prisma.user.findMany({ where: { active: true } })).some((u) => u.name === 'Alice');
  const anyLowercaseIvan = (await prisma.user.findMany()).some((u) => u.name === 'Ivan');
  const noTeenager = !(await prisma.user.findMany()).some((u) => u.age < 20 && u.active);
  const anyUnrated = (await prisma.post.findMany()).some((p) => p.rating === null);
  return { anyAlice, anyLowercaseIvan, noTeenager, anyUnrated };
}
