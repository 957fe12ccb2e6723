import type { Db } from '../../../test/drizzle/client.js';
import { eq, and, asc, gt } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db) {
  const seen: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await db
      .select()
      .from(users)
      .where(and(eq(users.active, true), after === undefined ? undefined : gt(users.id, after)))
      .orderBy(asc(users.id))
      .limit(2);
    for (const u of batch) {
      await db.update(users).set({ bonus: (u.bonus ?? 0) + 1 }).where(eq(users.id, u.id));
      seen.push(u.email);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen.sort();
}
