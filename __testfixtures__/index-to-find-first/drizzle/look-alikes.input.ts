import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// Not a first-row load to narrow: the rows are used whole, the index is not 0,
// a write's returning(), a plain array.
export async function run(db: Db, list: string[]) {
  const rows = await db.select().from(users);
  const second = (await db.select().from(users))[1];
  const inserted = (await db.insert(users).values({ email: 'x@example.com', age: 1, score: 1, active: true, createdAt: new Date(0) }).returning())[0];
  const removed = (await db.delete(users).where(eq(users.email, 'x@example.com')).returning())[0];
  return { rows: rows.length + 0, all: rows, second, inserted, removed, first: list[0] };
}
