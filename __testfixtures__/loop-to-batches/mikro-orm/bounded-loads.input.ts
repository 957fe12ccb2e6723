import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// Loads a run-time list or a keyset page bounds (issue 13, classes 1 and 2):
// each loop is declined (the rows are used besides it), and none is a
// whole-table finding.
export async function run(em: EntityManager, ids: number[], emails: string[]) {
  const a = await em.find(User, { id: ids });
  for (const user of a) console.log(user.id);
  const b = await em.find(User, { email: { $in: emails }, active: true });
  for (const user of b) console.log(user.id);
  const c = await em.find(User, { $and: [{ active: true }, { id: { $in: a.map((u) => u.id) } }] });
  for (const user of c) console.log(user.id);

  let last = 0;
  for (;;) {
    const page = await em.find(User, { id: { $gt: last } }, { orderBy: { id: 'asc' } });
    for (const user of page) console.log(user.id);
    if (page.length === 0) break;
    last = page[page.length - 1]!.id;
  }
  return [a, b, c];
}

// A literal list is a set of values, not a bound: still a finding.
export async function literal(em: EntityManager) {
  const rows = await em.find(User, { age: { $in: [30, 40] } });
  for (const user of rows) console.log(user.id);
  return rows;
}
