import { User } from '../../../test/mongoose/models.js';

declare function send(row: unknown): Promise<void>;

// Loads a run-time list or a keyset page bounds (issue 13, classes 1 and 2):
// each loop is declined (the rows are used besides it), and none is a
// whole-table finding.
export async function run(_models: unknown, emails: string[]) {
  const a = await User.find({ email: { $in: emails } });
  for (const u of a) await send(u);
  const b = await User.find({ $and: [{ active: true }, { _id: { $in: a.map((u) => u._id) } }] });
  for (const u of b) await send(u);

  let last = 0;
  for (;;) {
    const page = await User.find({ age: { $gt: last } });
    for (const u of page) await send(u);
    if (page.length === 0) break;
    last = page[page.length - 1]!.age;
  }
  return [a.length, b.length];
}

// A field equal to an array is not `$in` in Mongo: still a finding.
export async function equalArray(_models: unknown, tags: string[]) {
  const rows = await User.find({ name: tags });
  for (const u of rows) await send(u);
  return rows.length;
}
