import type { Db } from '../../../test/drizzle/client.js';
import { eq, sql, and, gte, lt } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(db: Db, authorId: number, minViews: number) {
  const hasRows = (await db.select({ one: sql`1` }).from(posts).where(eq(posts.published, true)).limit(1)).length > 0;
  const hasMatchingRows = (await db.select({ one: sql`1` }).from(posts).where(and(eq(posts.published, true), eq(posts.authorId, authorId), gte(posts.views, minViews))).limit(1)).length > 0;
  const hasMatchingRows2 = (await db.select({ one: sql`1` }).from(posts).where(and(eq(posts.published, true), lt(posts.views, minViews))).limit(1)).length > 0;
  const popular = hasMatchingRows;
  const quiet = !hasMatchingRows2;
  return { popular, quiet, any: hasRows };
}

export const cases: unknown[][] = [[7, 1000], [7, 1001], [6, 0], [4, 0], [1, 3_000_000_000]];
