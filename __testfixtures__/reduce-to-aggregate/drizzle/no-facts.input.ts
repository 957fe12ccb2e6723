import type { Db } from '../../../test/drizzle/client.js';
import { posts } from '../../../test/drizzle/schema.js';

// With no table definition found, pushdown cannot tell an integer column from a numeric (string) one.
export async function run(db: Db) {
  return (await db.select().from(posts)).reduce((s, p) => s + p.views, 0);
}
