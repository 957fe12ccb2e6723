/** How each rule reads with TypeORM, for the README's rule × ORM table (lib/report/rules-table.ts). */
import type { RuleDoc } from '../core/types.js';

export const typeormDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: "const adults = (await users.find({ order: { id: 'ASC' } })).filter((u) => u.age >= 18);",
    after: "const adults = await users.find({ order: { id: 'ASC' }, where: { age: MoreThanOrEqual(18) } });",
    declines: [
      'take or skip on the load; a where that is not an object literal or already tests the field: finding',
      'a value that may be null or undefined (a find where throws on both in 1.x): finding',
      'nullable columns under !==, ordering or truthiness; Date/decimal/bigint/JSON columns; query builders: finding',
    ],
  },
  'length-check-to-exists': {
    tier: 'safe',
    before: 'if ((await users.find({ where: { active: true } })).length > 0) notify();',
    after: 'if (await users.exists({ where: { active: true } })) notify();',
    declines: ['skip, or a take that is not a positive literal: finding', 'a builder with take/skip/limit/offset/groupBy: finding', 'predicates on nullable columns or with values that may be null/undefined: finding'],
  },
  'length-to-count': {
    tier: 'safe',
    before: 'const n = (await users.find({ where: { active: true }, select: { id: true } })).length;',
    after: 'const n = await users.count({ where: { active: true } });',
    declines: ['take or skip (count() ignores them): finding', 'options it cannot read (spreads, variables): finding', 'a builder with take/skip/limit/offset/groupBy: finding'],
  },
  'index-to-find-first': {
    tier: 'safe',
    before: "const [newest] = await posts.find({ where: { published: true }, order: { id: 'DESC' } });",
    after: "const newest = ((await posts.findOne({ where: { published: true }, order: { id: 'DESC' } })) ?? undefined)!;",
    declines: ['`take: 0`, a negative or non-literal take, options it cannot read: finding', '`.at(-1)`: finding suggesting findOne with the order reversed'],
  },
  'map-to-select': {
    tier: 'safe',
    before: 'const emails = (await users.find({ where: { active: true } })).map((u) => u.email);',
    after: 'const emails = (await users.find({ where: { active: true }, select: { email: true } })).map((u) => u.email);',
    declines: [
      'an entity with @AfterLoad, a `select: false` column, a relation, relations being loaded: finding',
      'an existing select that differs; query builders: finding',
    ],
  },
  'reduce-to-aggregate': {
    tier: 'review',
    before: 'const total = (await posts.find({ where: { published: true } })).reduce((s, p) => s + p.views, 0);',
    after: "const total = (await posts.sum('views', { published: true })) ?? 0;",
    declines: [
      'nullable, decimal or bigint columns (sum/minimum/maximum accept only number-typed properties): finding',
      'take, skip, withDeleted, a where on a relation, query builders: finding',
      'several aggregates of one load: one query each (sum, minimum, maximum, average, count), run together with Promise.all; `sum / rows.length` is average() only over a non-nullable column',
    ],
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await users.find({ where: { active: true } })) await notify(u);',
    after: "for (let after: number | undefined; ; ) {\n  const batch = await users.find({\n    where: { active: true, ...(after === undefined ? {} : { id: MoreThan(after) }) },\n    order: { id: 'ASC' },\n    take: 1000,\n  });\n  for (const u of batch) await notify(u);\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!.id;\n}",
    declines: ['take or skip, an order other than the key ascending, a where that is not an object literal or tests the key, query builders: finding'],
  },
  'loop-query-to-in': {
    finding: 'not yet: the TypeORM plugin does not describe per-row queries, so N+1 loops are left alone (no rewrite, no finding)',
  },
};
