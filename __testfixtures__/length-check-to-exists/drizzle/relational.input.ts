import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// The relational API: the existence test loads one row at most.
export async function run(db: Db, authorId: number) {
  const drafts = await db.query.posts.findMany({ where: eq(posts.authorId, authorId), with: { author: true } });
  return drafts.length === 0 ? 'none' : 'some';
}

export const cases: unknown[][] = [[1], [4], [6]];
