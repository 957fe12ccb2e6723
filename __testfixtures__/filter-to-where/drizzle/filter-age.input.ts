import type { Db } from '../../../test/drizzle/client.js';
import { asc, eq } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db, minAge: number) {
  return (await db.select().from(users).where(eq(users.active, true)).orderBy(asc(users.id))).filter((u) => u.age >= minAge);
}

export const cases: unknown[][] = [[0], [30], [1000]];
