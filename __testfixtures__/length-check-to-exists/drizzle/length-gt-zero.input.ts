import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db, age: number) {
  if ((await db.select().from(users).where(eq(users.age, age))).length > 0) return 'some';
  return 'none';
}

export const cases: unknown[][] = [[30], [31]];
