import { User } from '../../../test/sequelize/models.js';

declare function audit(row: unknown): void;

// Several uses, one of which does more than read named fields: left alone.
export async function run(_models: unknown, key: 'email' | 'name') {
  const a = await User.findAll();
  const whole = { n: a.length, ids: a.map((u) => u.id), rows: a };

  const b = await User.findAll();
  const computed = [b.length, b.find((u) => u.active)?.[key]];

  const c = await User.findAll();
  for (const u of c) audit(u);
  const passed = c.map((u) => u.email);

  const d = await User.findAll();
  const called = d.some((u) => u.email.length > 3 && u.get('age') === 30);

  const e = await User.findAll();
  let last: unknown;
  e.forEach((u) => {
    last = u;
  });
  const outer = [e.map((u) => u.id), last];

  return { whole, computed, passed, called, outer };
}
