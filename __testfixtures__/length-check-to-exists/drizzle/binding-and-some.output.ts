import type { Db } from '../../../test/drizzle/client.js';
import { and, eq, gte, sql } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// A binding tested for emptiness, and a `.some` whose predicate becomes a condition.
export async function run(db: Db, authorId: number, minViews: number) {
  const hasMine = (await db.select({ one: sql`1` }).from(posts).where(eq(posts.authorId, authorId)).limit(1)).length > 0;
  if (!hasMine) return 'no posts';
  const popular = (await db.select({ one: sql`1` }).from(posts).where(and(eq(posts.authorId, authorId), gte(posts.views, minViews), eq(posts.published, true))).limit(1)).length > 0;
  const nobody = (await db.select({ one: sql`1` }).from(users).where(eq(users.age, minViews)).limit(1)).length === 0;
  return { popular, nobody };
}

export const cases: unknown[][] = [[1, 10], [2, 1000], [4, 0], [6, 0], [7, 30]];
