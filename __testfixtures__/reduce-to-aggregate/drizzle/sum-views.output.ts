import type { Db } from '../../../test/drizzle/client.js';
import { eq, sum } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

export async function run(db: Db, authorId: number) {
  return (await db.select({ sum: sum(posts.views).mapWith(Number) }).from(posts).where(eq(posts.authorId, authorId)))[0]?.sum ?? 0;
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
