import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

// Already limited, rows used after the loop, a plain array.
export async function run(db: Db, list: number[]) {
  let total = 0;
  for (const u of await db.select().from(users).limit(10)) total += u.age;
  const rows = await db.select().from(users);
  for (const u of rows) total += u.age;
  for (const n of list) total += n;
  return { total, n: rows.length };
}
