import type { Db } from '../../../test/drizzle/client.js';
import { posts } from '../../../test/drizzle/schema.js';

// With no table definition found the projection is still right in TypeScript (the rows' type names the columns), but for review.
export async function run(db: Db) {
  return (await db.select().from(posts)).map((p) => p.title);
}
