import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Rows that serve only aggregates, their count and `sum / rows.length`: one select of
// every aggregate. No rows give what the JavaScript gave (0, -Infinity, Infinity, NaN).
// authorId 10 has one post whose rating is NULL; 4 has no posts; 7 has NULLs and values.
export async function run(db: Db, authorId: number) {
  const rows = await db.select().from(posts).where(eq(posts.authorId, authorId));
  const total = rows.reduce((s, p) => s + p.views, 0);
  const most = Math.max(...rows.map((p) => p.views));
  const least = Math.min(...rows.map(({ views }) => views));
  const ratings = rows.reduce((s, p) => s + (p.rating ?? 0), 0);
  const mean = rows.reduce((s, p) => s + p.views, 0) / rows.length;
  return { total, most, least, ratings, mean, n: rows.length, ages: await ages(db, [30, 25, 41, 52, 99][authorId % 5]!) };
}

export const cases: unknown[][] = [[7], [10], [4], [1], [0]];

// A nullable field: the sum and the count are read apart (AVG would skip the NULL rows).
async function ages(db: Db, age: number) {
  const found = await db.select().from(users).where(eq(users.age, age));
  return { bonus: found.reduce((s, u) => s + (u.bonus ?? 0), 0) / found.length, oldest: Math.max(...found.map((u) => u.age)) };
}
