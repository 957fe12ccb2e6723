import type { Db } from '../../../test/drizzle/client.js';
import { eq, sum, max, min, avg, count } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Rows that serve only aggregates, their count and `sum / rows.length`: one select of
// every aggregate. No rows give what the JavaScript gave (0, -Infinity, Infinity, NaN).
// authorId 10 has one post whose rating is NULL; 4 has no posts; 7 has NULLs and values.
export async function run(db: Db, authorId: number) {
  const rowsAggregate = (await db.select({ sumViews: sum(posts.views).mapWith(Number), maxViews: max(posts.views), minViews: min(posts.views), sumRating: sum(posts.rating).mapWith(Number), avgViews: avg(posts.views).mapWith(Number), count: count() }).from(posts).where(eq(posts.authorId, authorId)))[0]!;
  const total = rowsAggregate.sumViews ?? 0;
  const most = rowsAggregate.maxViews ?? -Infinity;
  const least = rowsAggregate.minViews ?? Infinity;
  const ratings = rowsAggregate.sumRating ?? 0;
  const mean = rowsAggregate.avgViews ?? NaN;
  return { total, most, least, ratings, mean, n: rowsAggregate.count, ages: await ages(db, [30, 25, 41, 52, 99][authorId % 5]!) };
}

export const cases: unknown[][] = [[7], [10], [4], [1], [0]];

// A nullable field: the sum and the count are read apart (AVG would skip the NULL rows).
async function ages(db: Db, age: number) {
  const foundAggregate = (await db.select({ sumBonus: sum(users.bonus).mapWith(Number), maxAge: max(users.age), count: count() }).from(users).where(eq(users.age, age)))[0]!;
  return { bonus: (foundAggregate.sumBonus ?? 0) / foundAggregate.count, oldest: foundAggregate.maxAge ?? -Infinity };
}
