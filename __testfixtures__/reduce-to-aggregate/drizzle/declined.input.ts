import type { Db } from '../../../test/drizzle/client.js';
import { posts, users } from '../../../test/drizzle/schema.js';

// A nullable column under Math.max (Math reads NULL as 0), a timestamp column.
export async function run(db: Db) {
  const best = Math.max(...(await db.select().from(posts)).map((p) => p.rating ?? 0));
  const latest = (await db.select().from(users)).reduce((s, u) => s + u.createdAt.getTime(), 0);
  const bonus = Math.max(...(await db.select().from(users)).map((u) => u.bonus));
  return { best, latest, bonus };
}
