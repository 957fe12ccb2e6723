import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

// Offset pages, a plain array, rows used beside the test.
export async function run(db: Db, list: number[]) {
  const paged = (await db.select().from(users).offset(20)).length > 0;
  const plain = list.length > 0;
  const rows = await db.select().from(users);
  return { paged, plain, any: rows.length > 0, rows };
}
