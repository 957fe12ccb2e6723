import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

declare function audit(row: unknown): void;

// Several uses, one of which does more than read named fields: left alone.
export async function run(db: Db, key: 'email' | 'name') {
  const a = await db.select().from(users);
  const whole = { n: a.length, ids: a.map((u) => u.id), rows: a };

  const b = await db.select().from(users);
  const computed = [b.length, b.find((u) => u.active)?.[key]];

  const c = await db.select().from(users);
  for (const u of c) audit(u);
  const passed = c.map((u) => u.email);

  const d = await db.select().from(users);
  const called = d.some((u) => u.email.length > 3 && u.email.startsWith(String(u)));

  const e = await db.select().from(users);
  let last: unknown;
  e.forEach((u) => {
    last = u;
  });
  const outer = [e.map((u) => u.id), last];

  return { whole, computed, passed, called, outer };
}
