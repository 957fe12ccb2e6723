import type { Db } from '../../../test/drizzle/client.js';
import { eq, sql } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db, age: number) {
  if ((await db.select({ one: sql`1` }).from(users).where(eq(users.age, age)).limit(1)).length > 0) return 'some';
  return 'none';
}

export const cases: unknown[][] = [[30], [31]];
