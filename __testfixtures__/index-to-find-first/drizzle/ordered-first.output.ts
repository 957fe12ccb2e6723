import type { Db } from '../../../test/drizzle/client.js';
import { desc, eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

export async function run(db: Db, published: boolean) {
  const newest = (await db.select().from(posts).where(eq(posts.published, published)).orderBy(desc(posts.views), desc(posts.id)).limit(1))[0];
  return newest?.title;
}

export const cases: unknown[][] = [[true], [false]];
