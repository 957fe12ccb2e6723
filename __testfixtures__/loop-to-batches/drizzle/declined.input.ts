import type { Db } from '../../../test/drizzle/client.js';
import { asc, inArray } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// Ordered by another column, a projection without the key, and a load already bounded by a key list.
export async function run(db: Db, ids: number[]) {
  let total = 0;
  for (const u of await db.select().from(users).orderBy(asc(users.age))) total += u.age;
  for (const u of await db.select({ age: users.age }).from(users)) total += u.age;
  for (const u of await db.select().from(users).where(inArray(users.id, ids))) total += u.age;
  return total;
}
