import type { Db } from '../../../test/drizzle/client.js';
import { and, asc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// `=== null` is isNull (eq(col, null) is never true); a bare boolean is eq(col, true); a chain of filters merges.
export async function run(db: Db, minScore: number) {
  const nameless = await db.select().from(users).where(isNull(users.name)).orderBy(asc(users.id));
  const named = await db.select().from(users).where(and(isNotNull(users.name), eq(users.active, true), gt(users.score, minScore))).orderBy(asc(users.id));
  return { nameless: nameless.map((u) => u.id), named: named.map((u) => u.id) };
}

export const cases: unknown[][] = [[0], [50], [1e9]];
