import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A key with no row gives null, as findUnique did; keys repeat (ages 25, 30, 41).
export async function run(prisma: PrismaClient, active: boolean) {
  const users = await prisma.user.findMany({ where: { active }, orderBy: { id: 'asc' } });
  const found: { user: number; post: unknown }[] = [];
  for (const u of users) {
    found.push({ user: u.id, post: await prisma.post.findUnique({ where: { id: u.age } }) });
  }
  return found;
}

export const cases: unknown[][] = [[true], [false]];
