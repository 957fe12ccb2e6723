import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function fetchUsers(): Promise<{ id: number; name: string }[]>;
declare const db: { query: { users: { findMany(): Promise<{ id: number }[]> } } };

// Arrays that are not Prisma loads: a plain array, an HTTP call, a Drizzle query.
export async function run(prisma: PrismaClient, names: string[]) {
  if (names.length > 0) console.log('names');
  if ((await fetchUsers()).length === 0) return 'none';
  if (!(await db.query.users.findMany()).length) return 'no drizzle users';
  return (await fetchUsers()).some((u) => u.name === 'Alice');
}
