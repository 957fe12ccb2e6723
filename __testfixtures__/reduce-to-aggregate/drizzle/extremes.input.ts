import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Math.max / Math.min of not-null columns, and a float sum (review: order of additions).
export async function run(db: Db, active: boolean) {
  const oldest = Math.max(...(await db.select().from(users).where(eq(users.active, active))).map((u) => u.age));
  const lowest = Math.min(...(await db.select().from(posts).where(eq(posts.authorId, 999))).map((p) => p.views));
  const scores = await db.select().from(users).where(eq(users.active, active));
  const total = scores.reduce((s, u) => s + u.score, 10);
  return { oldest, lowest, total: Math.round(total * 1e6) / 1e6 };
}

export const cases: unknown[][] = [[true], [false]];
