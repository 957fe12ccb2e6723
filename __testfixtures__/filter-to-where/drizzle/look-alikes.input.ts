import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

// A predicate with a call, an outer variable that may be undefined, a limited load.
export async function run(db: Db, name?: string) {
  const called = (await db.select().from(users)).filter((u) => u.email.endsWith('.com'));
  const maybe = (await db.select().from(users)).filter((u) => u.name === name);
  const limited = (await db.select().from(users).limit(5)).filter((u) => u.age > 30);
  return { called, maybe, limited };
}
