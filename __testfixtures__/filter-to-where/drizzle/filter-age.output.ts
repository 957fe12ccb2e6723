import type { Db } from '../../../test/drizzle/client.js';
import { and, asc, eq, gte } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db, minAge: number) {
  return await db.select().from(users).where(and(eq(users.active, true), gte(users.age, minAge))).orderBy(asc(users.id));
}

export const cases: unknown[][] = [[0], [30], [1000]];
