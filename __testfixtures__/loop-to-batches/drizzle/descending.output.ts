import type { Db } from '../../../test/drizzle/client.js';
import { desc, lt } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// Ordered by the key, descending: the batches walk down with lt().
export async function run(db: Db) {
  const titles: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await db
      .select({ id: posts.id, title: posts.title })
      .from(posts)
      .where(after === undefined ? undefined : lt(posts.id, after))
      .orderBy(desc(posts.id))
      .limit(3);
    for (const p of batch) {
      titles.push(p.title);
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  return titles;
}
