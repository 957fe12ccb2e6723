import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true }, include: { posts: true }, orderBy: { id: 'asc' } });
  return users.length;
}
