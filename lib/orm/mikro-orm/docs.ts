/**
 * How each rule reads with MikroORM, for the README's rule × ORM table (lib/report/rules-table.ts).
 * Every rewrite is review: the load it replaces also filled the identity map, which later code may read
 * (an unpopulated relation, em.getReference()); the new query loads fewer entities or none.
 */
import type { RuleDoc } from '../core/types.js';

export const mikroDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: "const adults = (await em.find(User, {}, { orderBy: { id: 'asc' } })).filter((u) => u.age >= 18);",
    after: "const adults = await em.find(User, { age: { $gte: 18 } }, { orderBy: { id: 'asc' } });",
    declines: [
      'limit, offset, cursors, groupBy on the load: finding',
      'nullable properties under !== or <, >; Date/decimal/bigint/JSON properties; values that may be undefined; no @Entity facts: finding',
    ],
  },
  'length-check-to-exists': {
    tier: 'review',
    before: 'if ((await em.find(User, { active: true })).length > 0) notify();',
    after: 'if ((await em.findOne(User, { active: true })) !== null) notify();',
    declines: ['offset (rows past it): finding', 'a limit that is not a positive literal: finding', 'no filter (em.findOne rejects an empty where): `(await em.count(E)) > 0` instead'],
  },
  'length-to-count': {
    tier: 'review',
    before: 'const n = (await em.find(User, { active: true })).length;',
    after: 'const n = await em.count(User, { active: true });',
    declines: ['limit or offset (em.count ignores them): finding', 'groupBy, having, flags, lockMode, options it cannot read: finding'],
  },
  'index-to-find-first': {
    tier: 'review',
    before: "const [newest] = await em.find(Post, { published: true }, { orderBy: { id: 'desc' } });",
    after: "const newest = ((await em.findOne(Post, { published: true }, { orderBy: { id: 'desc' } })) ?? undefined)!;",
    declines: ['an empty or unreadable where (em.findOne rejects an empty where): finding', '`limit: 0`, a non-literal limit, cursor options: finding'],
  },
  'map-to-select': {
    finding:
      '`fields` leaves partial entities in the identity map, which MikroORM then takes as loaded (a later em.populate() sees only those fields): declined, with a finding suggesting a QueryBuilder',
  },
  'reduce-to-aggregate': {
    finding: "MikroORM's EntityManager has no sum/min/max: a finding suggests a QueryBuilder aggregate",
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await em.find(User, { active: true })) send(u.email);',
    after:
      "for (let after: number | undefined; ; ) {\n  const batch = await em.find(User, { $and: [{ active: true }, after === undefined ? {} : { id: { $gt: after } }] }, { orderBy: { id: 'asc' }, limit: 1000 });\n  for (const u of batch) send(u.email);\n  em.clear();\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!.id;\n}",
    declines: [
      'a loop that writes (assigns, calls the unit of work, passes or keeps a row): finding, since em.clear() per batch would drop its changes',
      'limit, offset, an orderBy other than the key ascending, no @Entity facts for the key: finding',
    ],
  },
  'loop-query-to-in': {
    finding: 'not yet: the MikroORM plugin does not describe per-row queries, so N+1 loops are left alone (no rewrite, no finding)',
  },
};
