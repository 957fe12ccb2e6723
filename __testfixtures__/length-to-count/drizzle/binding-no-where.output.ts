import type { Db } from '../../../test/drizzle/client.js';
import { posts } from '../../../test/drizzle/schema.js';

export async function run(db: Db) {
  const allCount = await db.$count(posts);
  return { n: allCount, twice: allCount * 2 };
}
