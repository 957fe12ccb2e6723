import type { Db } from '../../../test/drizzle/client.js';
import { asc } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// `=== null` is isNull (eq(col, null) is never true); a bare boolean is eq(col, true); a chain of filters merges.
export async function run(db: Db, minScore: number) {
  const nameless = (await db.select().from(users).orderBy(asc(users.id))).filter((u) => u.name === null);
  const named = (await db.select().from(users).orderBy(asc(users.id))).filter((u) => u.name !== null && u.active).filter((u) => u.score > minScore);
  return { nameless: nameless.map((u) => u.id), named: named.map((u) => u.id) };
}

export const cases: unknown[][] = [[0], [50], [1e9]];
