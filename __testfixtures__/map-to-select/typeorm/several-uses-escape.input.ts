import type { DataSource } from 'typeorm';
import { User } from '../../../test/typeorm/entities.js';

declare function audit(row: unknown): void;

// Several uses, one of which does more than read named fields: left alone.
export async function run(ds: DataSource, key: 'email' | 'name') {
  const a = await ds.getRepository(User).find();
  const whole = { n: a.length, ids: a.map((u) => u.id), rows: a };

  const b = await ds.getRepository(User).find();
  const computed = [b.length, b.find((u) => u.active)?.[key]];

  const c = await ds.getRepository(User).find();
  for (const u of c) audit(u);
  const passed = c.map((u) => u.email);

  const d = await ds.getRepository(User).find();
  const called = d.some((u) => u.email.length > 3 && u.email.startsWith(String(u)));

  const e = await ds.getRepository(User).find();
  let last: unknown;
  e.forEach((u) => {
    last = u;
  });
  const outer = [e.map((u) => u.id), last];

  return { whole, computed, passed, called, outer };
}
