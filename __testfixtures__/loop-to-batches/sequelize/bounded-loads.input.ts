import { Op } from 'sequelize';
import { User } from '../../../test/sequelize/models.js';

declare function send(row: unknown): Promise<void>;

// Loads a run-time list or a keyset page bounds (issue 13, classes 1 and 2):
// each loop is declined (the rows are used besides it), and none is a
// whole-table finding.
export async function run(_models: unknown, ids: number[], emails: string[]) {
  const a = await User.findAll({ where: { id: ids } });
  for (const u of a) await send(u);
  const b = await User.findAll({ where: { email: { [Op.in]: emails }, active: true } });
  for (const u of b) await send(u);
  const c = await User.findAll({ where: { [Op.and]: [{ active: true }, { id: { [Op.in]: a.map((u) => u.id) } }] } });
  for (const u of c) await send(u);

  let last = 0;
  for (;;) {
    const page = await User.findAll({ where: { id: { [Op.gt]: last } }, order: [['id', 'ASC']] });
    for (const u of page) await send(u);
    if (page.length === 0) break;
    last = page[page.length - 1]!.id;
  }
  return [a.length, b.length, c.length];
}

// A literal list is a set of values, not a bound: still a finding.
export async function literal(_models: unknown) {
  const rows = await User.findAll({ where: { name: { [Op.in]: ['a', 'b'] } } });
  for (const u of rows) await send(u);
  return rows.length;
}
