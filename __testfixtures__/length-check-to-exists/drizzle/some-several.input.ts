import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(db: Db, authorId: number, minViews: number) {
  const rows = await db.select().from(posts).where(eq(posts.published, true));
  const popular = rows.some((p) => p.authorId === authorId && p.views >= minViews);
  const quiet = !rows.some((p) => p.views < minViews);
  return { popular, quiet, any: rows.length > 0 };
}

export const cases: unknown[][] = [[7, 1000], [7, 1001], [6, 0], [4, 0], [1, 3_000_000_000]];
