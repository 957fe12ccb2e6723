import type { Db } from '../../../test/drizzle/client.js';
import { asc } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Rows with several uses that read only named fields, or only the length: the
// load keeps its rows and selects just the columns read.
export async function run(db: Db, minAge: number) {
  const rows = await db.select().from(users).orderBy(asc(users.id));
  const found = rows.find((u) => u.age >= minAge && u.active);
  const summary = { n: rows.length, ids: rows.map((u) => u.id), found: found ? found.email : null, anyBonus: rows.some(({ bonus }) => (bonus ?? 0) > 0) };

  const all = await db.select().from(posts).orderBy(asc(posts.id));
  const published = all.filter((p) => p.published);
  let views = 0;
  for (const p of published) views += p.views;
  return { summary, published: published.length, views, all: all.length };
}

export const cases: unknown[][] = [[0], [41], [1000]];
