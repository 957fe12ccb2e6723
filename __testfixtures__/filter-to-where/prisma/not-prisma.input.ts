import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function fetchUsers(): Promise<{ id: number; active: boolean }[]>;

// Not Prisma loads, or rows used for more than the filter: left alone, silently.
export async function run(prisma: PrismaClient, users: { active: boolean }[]) {
  const a = users.filter((u) => u.active);
  const b = (await fetchUsers()).filter((u) => u.active);
  const rows = await prisma.user.findMany();
  const c = rows.filter((u) => u.active);
  return { a, b, c, all: rows };
}
