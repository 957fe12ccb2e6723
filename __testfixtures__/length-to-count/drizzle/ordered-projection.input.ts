import type { Db } from '../../../test/drizzle/client.js';
import { asc, eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// An order and a projection do not change how many rows there are; a multi-line chain keeps its where.
export async function run(db: Db, published: boolean) {
  const titles = await db
    .select({ title: posts.title })
    .from(posts)
    .where(eq(posts.published, published))
    .orderBy(asc(posts.title));
  if (titles.length === 0) return 'none';
  return `${titles.length} posts`;
}

export const cases: unknown[][] = [[true], [false]];
