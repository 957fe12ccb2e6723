import type { Db } from '../../../test/drizzle/client.js';
import { desc } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// Ordered by the key, descending: the batches walk down with lt().
export async function run(db: Db) {
  const titles: string[] = [];
  for (const p of await db.select({ id: posts.id, title: posts.title }).from(posts).orderBy(desc(posts.id))) {
    titles.push(p.title);
  }
  return titles;
}
