import type { Db } from '../../../test/drizzle/client.js';
import { asc, desc, eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// The relational API: `limit: 1` keeps the rows an array, with their relations.
export async function run(db: Db, published: boolean) {
  const top = (await db.query.posts.findMany({ where: eq(posts.published, published), orderBy: [desc(posts.views), asc(posts.id)], with: { author: true } }))[0];
  const [oldest] = await db.query.users.findMany({ orderBy: [asc(users.createdAt), asc(users.id)] });
  return { top: top ? `${top.title} by ${top.author.email}` : null, oldest: oldest?.email };
}

export const cases: unknown[][] = [[true], [false]];
