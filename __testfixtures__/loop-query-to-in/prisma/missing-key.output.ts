import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A key with no row gives null, as findUnique did; keys repeat (ages 25, 30, 41).
export async function run(prisma: PrismaClient, active: boolean) {
  const users = await prisma.user.findMany({ where: { active }, orderBy: { id: 'asc' } });
  const found: { user: number; post: unknown }[] = [];
  const postRows = await prisma.post.findMany({ where: { id: { in: users.map((u) => u.age) } } });
  const postById = new Map(postRows.map((row) => [row.id, row] as const));
  for (const u of users) {
    found.push({ user: u.id, post: postById.get(u.age) ?? null });
  }
  return found;
}

export const cases: unknown[][] = [[true], [false]];
