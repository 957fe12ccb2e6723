import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.some` with literal values: no guard needed.
export async function run(prisma: PrismaClient) {
  const anyAlice = (await prisma.user.findFirst({ where: { active: true, name: 'Alice' }, select: { id: true } })) !== null;
  const anyLowercaseIvan = (await prisma.user.findFirst({ where: { name: 'Ivan' }, select: { id: true } })) !== null;
  const noTeenager = (await prisma.user.findFirst({ where: { age: { lt: 20 }, active: true }, select: { id: true } })) === null;
  const anyUnrated = (await prisma.post.findFirst({ where: { rating: null }, select: { id: true } })) !== null;
  return { anyAlice, anyLowercaseIvan, noTeenager, anyUnrated };
}
