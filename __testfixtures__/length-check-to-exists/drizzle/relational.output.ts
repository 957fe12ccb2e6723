import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// The relational API: the existence test loads one row at most.
export async function run(db: Db, authorId: number) {
  const hasDrafts = (await db.query.posts.findMany({ where: eq(posts.authorId, authorId), with: { author: true }, limit: 1 })).length > 0;
  return !hasDrafts ? 'none' : 'some';
}

export const cases: unknown[][] = [[1], [4], [6]];
