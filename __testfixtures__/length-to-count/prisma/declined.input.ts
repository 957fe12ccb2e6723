import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function declined(prisma: PrismaClient, extra: { take?: number }) {
  const distinctAges = (await prisma.user.findMany({ distinct: ['age'] })).length;
  const spread = (await prisma.user.findMany({ ...extra, where: { active: true } })).length;
  const page = (await prisma.user.findMany({ cursor: { id: 3 }, orderBy: { age: 'asc' }, take: 5 })).length;
  return distinctAges + spread + page;
}
