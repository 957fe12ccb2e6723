import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

// SQL `<>` and `<` skip NULL rows where JavaScript keeps them; a timestamp compares as an object.
export async function run(db: Db, bonus: number, since: Date) {
  const notBonus = (await db.select().from(users)).filter((u) => u.bonus !== bonus);
  const lowBonus = (await db.select().from(users)).filter((u) => u.bonus < bonus);
  const recent = (await db.select().from(users)).filter((u) => u.createdAt > since);
  return { notBonus, lowBonus, recent };
}
