import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Already projected, a join (fields of two tables), the row passed on whole, an update's returning().
export async function run(db: Db) {
  const projected = (await db.select({ email: users.email }).from(users)).map((u) => u.email);
  const joined = (await db.select().from(users).innerJoin(posts, eq(posts.authorId, users.id))).map((r) => r.users.email);
  const whole = (await db.select().from(users)).map((u) => JSON.stringify(u));
  const bumped = (await db.update(users).set({ bonus: 2 }).where(eq(users.id, 1)).returning()).map((u) => u.email);
  return { projected, joined, whole, bumped };
}
