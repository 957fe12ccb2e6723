import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// A binding tested for emptiness, and a `.some` whose predicate becomes a condition.
export async function run(db: Db, authorId: number, minViews: number) {
  const mine = await db.select().from(posts).where(eq(posts.authorId, authorId));
  if (!mine.length) return 'no posts';
  const popular = (await db.select().from(posts).where(eq(posts.authorId, authorId))).some((p) => p.views >= minViews && p.published);
  const nobody = (await db.select().from(users).where(eq(users.age, minViews))).length === 0;
  return { popular, nobody };
}

export const cases: unknown[][] = [[1, 10], [2, 1000], [4, 0], [6, 0], [7, 30]];
