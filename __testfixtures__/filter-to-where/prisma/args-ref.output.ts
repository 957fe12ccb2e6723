import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Arguments held in a constant: spread, with the where added.
export async function run(prisma: PrismaClient) {
  const byId = { where: { age: { gte: 25 } }, orderBy: { id: 'asc' as const } };
  const plain = { orderBy: { id: 'desc' as const } };
  const a = await prisma.user.findMany({ ...byId, where: { AND: [byId.where, { age: { lt: 41 } }] } });
  const b = await prisma.user.findMany({ ...plain, where: { score: { gt: 70.5 } } });
  return { a: a.map((u) => u.id), b: b.map((u) => u.id) };
}
