import type { Db } from '../../../test/drizzle/client.js';
import { asc, eq } from 'drizzle-orm';
import { posts } from '../../../test/drizzle/schema.js';

// An order and a projection do not change how many rows there are; a multi-line chain keeps its where.
export async function run(db: Db, published: boolean) {
  const titlesCount = await db.$count(posts, eq(posts.published, published));
  if (titlesCount === 0) return 'none';
  return `${titlesCount} posts`;
}

export const cases: unknown[][] = [[true], [false]];
