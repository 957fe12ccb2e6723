import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

export async function run(db: Db, authorId: number) {
  return (await db.select().from(posts).where(eq(posts.authorId, authorId))).reduce((s, p) => s + p.views, 0);
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
