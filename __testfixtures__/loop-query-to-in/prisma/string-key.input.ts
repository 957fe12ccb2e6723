import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A String key (a unique email); SQLite compares strings exactly, as === does.
export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, select: { email: true, name: true } });
  const out: [string | null, number][] = [];
  for (const u of users) {
    const same = await prisma.user.findUnique({ where: { email: u.email }, include: { posts: { orderBy: { id: 'asc' } } } });
    out.push([u.name, same ? same.posts.length : -1]);
  }
  return out;
}

export const cases: unknown[][] = [[0], [40]];
