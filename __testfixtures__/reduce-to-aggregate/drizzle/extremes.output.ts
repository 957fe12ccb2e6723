import type { Db } from '../../../test/drizzle/client.js';
import { eq, max, min, sum } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Math.max / Math.min of not-null columns, and a float sum (review: order of additions).
export async function run(db: Db, active: boolean) {
  const oldest = (await db.select({ max: max(users.age) }).from(users).where(eq(users.active, active)))[0]?.max ?? -Infinity;
  const lowest = (await db.select({ min: min(posts.views) }).from(posts).where(eq(posts.authorId, 999)))[0]?.min ?? Infinity;
  const totalScore = 10 + ((await db.select({ sum: sum(users.score).mapWith(Number) }).from(users).where(eq(users.active, active)))[0]?.sum ?? 0);
  const total = totalScore;
  return { oldest, lowest, total: Math.round(total * 1e6) / 1e6 };
}

export const cases: unknown[][] = [[true], [false]];
