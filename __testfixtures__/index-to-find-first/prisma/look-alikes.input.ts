// Look like the first row of a query, but are not Prisma loads.
import { drizzle } from 'drizzle-orm/better-sqlite3';

const db = drizzle('file:local.db');
const cache = { user: { findMany: async (_q?: unknown) => [{ id: 1 }] } };

export async function run(items: number[]) {
  const first = items[0];
  const fromCache = (await cache.user.findMany({ where: { id: 1 } }))[0];
  const fromDrizzle = (await db.query.users.findMany())[0];
  const [top] = await fetchRows();
  return { first, fromCache, fromDrizzle, top };
}

async function fetchRows() {
  return [1, 2, 3];
}
