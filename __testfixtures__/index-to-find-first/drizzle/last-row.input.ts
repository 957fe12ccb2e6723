import type { Db } from '../../../test/drizzle/client.js';
import { asc } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// `.at(-1)` keeps the last row: the database can give it, with the order reversed.
export async function run(db: Db) {
  return (await db.select().from(users).orderBy(asc(users.age))).at(-1);
}
