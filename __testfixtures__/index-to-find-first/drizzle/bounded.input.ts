import type { Db } from '../../../test/drizzle/client.js';
import { and, count, eq, sql } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Lookups by the key or a unique column return one row at most, and aggregate selects one row: nothing to cut.
export async function run(db: Db, id: number, email: string) {
  const [byId] = await db.select().from(users).where(eq(users.id, id));
  const [byEmail] = await db.select().from(users).where(and(eq(users.email, email), eq(users.active, true)));
  const [stats] = await db.select({ n: count() }).from(posts);
  const total = (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(posts).where(eq(posts.published, true)))[0];
  return { byId, byEmail, stats, total };
}
