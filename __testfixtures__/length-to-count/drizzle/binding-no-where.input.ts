import type { Db } from '../../../test/drizzle/client.js';
import { posts } from '../../../test/drizzle/schema.js';

export async function run(db: Db) {
  const all = await db.select().from(posts);
  return { n: all.length, twice: all.length * 2 };
}
