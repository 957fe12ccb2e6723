import type { Db } from '../../../test/drizzle/client.js';
import { asc, isNull } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// Destructuring the first row, and a binding read at [0] after an emptiness test.
export async function run(db: Db) {
  const [youngest] = await db.select().from(users).orderBy(asc(users.age), asc(users.id));
  const nameless = await db.select({ id: users.id }).from(users).where(isNull(users.name)).orderBy(asc(users.id));
  if (nameless.length === 0) return { youngest, nameless: null };
  return { youngest: youngest?.email, nameless: nameless[0]?.id };
}
