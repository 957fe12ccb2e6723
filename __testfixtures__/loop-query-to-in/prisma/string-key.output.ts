import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A String key (a unique email); SQLite compares strings exactly, as === does.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, select: { email: true, name: true } });
  const out: [string | null, number][] = [];
  const userRows = await prisma.user.findMany({ where: { email: { in: users.map((u) => u.email) } }, include: { posts: { orderBy: { id: 'asc' } } } });
  const sameByEmail = new Map(userRows.map((row) => [row.email, row] as const));
  for (const u of users) {
    const same = sameByEmail.get(u.email) ?? null;
    out.push([u.name, same ? same.posts.length : -1]);
  }
  return out;
}

export const cases: unknown[][] = [[0], [40]];
