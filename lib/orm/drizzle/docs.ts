/** How each rule reads with Drizzle, for the README's rule × ORM table (lib/report/rules-table.ts). */
import type { RuleDoc } from '../core/types.js';

export const drizzleDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: 'const adults = (await db.select().from(users).where(eq(users.active, true))).filter((u) => u.age >= 18);',
    after: 'const adults = await db.select().from(users).where(and(eq(users.active, true), gte(users.age, 18)));',
    declines: [
      'nullable columns under !== or <, >; timestamp, numeric, bigint and JSON columns; no table definition: finding',
      '`=== null` becomes `isNull` (`eq(col, null)` is never true); a value that may be null or undefined: finding',
    ],
  },
  'length-check-to-exists': {
    tier: 'safe',
    before: 'if ((await db.select().from(users).where(eq(users.active, true))).length > 0) notify();',
    after: 'if ((await db.select({ one: sql`1` }).from(users).where(eq(users.active, true)).limit(1)).length > 0) notify();',
    declines: ['predicates on nullable columns under !==, timestamp/numeric/bigint columns, or without a table definition: finding'],
  },
  'length-to-count': {
    tier: 'safe',
    before: 'const n = (await db.select().from(users).where(eq(users.active, true))).length;',
    after: 'const n = await db.$count(users, eq(users.active, true));',
    declines: [
      'selects with limit, offset, joins, groupBy, selectDistinct or aggregates, and lookups by key or unique column, are not whole-table loads: left alone',
      'the relational API (`db.query.t.findMany`) has no count: finding suggesting `db.$count(t, w)`',
    ],
  },
  'index-to-find-first': {
    tier: 'safe',
    before: 'const newest = (await db.select().from(posts).orderBy(desc(posts.id)))[0];',
    after: 'const newest = (await db.select().from(posts).orderBy(desc(posts.id)).limit(1))[0];',
    declines: ['`.at(-1)`: finding suggesting the reversed order with `.limit(1)`', 'the relational API: `limit: 1` added to the config'],
  },
  'map-to-select': {
    tier: 'safe',
    before: 'const emails = (await db.select().from(users).where(eq(users.active, true))).map((u) => u.email);',
    after: 'const emails = (await db.select({ email: users.email }).from(users).where(eq(users.active, true))).map((u) => u.email);',
    declines: ['a field that is not a column of the table definition: finding', 'no table definition: review', 'the relational API: `columns: { f: true }`, unless the config has columns, with or extras'],
  },
  'reduce-to-aggregate': {
    tier: 'review',
    before: 'const total = (await db.select().from(posts).where(eq(posts.published, true))).reduce((s, p) => s + p.views, 0);',
    after: 'const total = (await db.select({ sum: sum(posts.views).mapWith(Number) }).from(posts).where(eq(posts.published, true)))[0]?.sum ?? 0;',
    declines: ['no table definition; numeric/decimal (strings), bigint, timestamp columns: finding', 'sum is review (float order, integers past 2^53); min/max of integers are safe', 'several aggregates of one load: one select of them all; `sum / rows.length` is `avg()` only over a not-null column (else the sum over `count()`)'],
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await db.select().from(users).where(eq(users.active, true))) await notify(u);',
    after:
      'for (let after: number | undefined; ; ) {\n  const batch = await db\n    .select()\n    .from(users)\n    .where(and(eq(users.active, true), after === undefined ? undefined : gt(users.id, after)))\n    .orderBy(asc(users.id))\n    .limit(1000);\n  for (const u of batch) await notify(u);\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!.id;\n}',
    declines: [
      'an orderBy on anything but the primary key, a select without the key, no single-column primary key: finding',
      'a where that pins the key or a unique column with `eq` or `inArray` (already bounded): left alone',
    ],
  },
  'loop-query-to-in': {
    finding: 'not yet: the Drizzle plugin does not describe per-row queries, so N+1 loops are left alone (no rewrite, no finding)',
  },
};
