import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db) {
  const seen: string[] = [];
  for (const u of await db.select().from(users).where(eq(users.active, true))) {
    await db.update(users).set({ bonus: (u.bonus ?? 0) + 1 }).where(eq(users.id, u.id));
    seen.push(u.email);
  }
  return seen.sort();
}
