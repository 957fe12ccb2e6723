import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// Each of these is not a whole-table count a $count can replace.
export async function run(db: Db, rows: { id: number }[]) {
  const limited = (await db.select().from(users).limit(3)).length; // count ignores nothing here, but limit caps the rows
  const paged = (await db.select().from(users).offset(10)).length;
  const distinct = (await db.selectDistinct({ age: users.age }).from(users)).length;
  const joined = (await db.select().from(users).innerJoin(posts, eq(posts.authorId, users.id))).length;
  const updated = (await db.update(users).set({ bonus: 1 }).where(eq(users.id, 999)).returning()).length;
  const deleted = (await db.delete(posts).where(eq(posts.id, 999)).returning()).length;
  const plain = rows.filter((r) => r.id > 1).length;
  return { limited, paged, distinct, joined, updated, deleted, plain };
}
