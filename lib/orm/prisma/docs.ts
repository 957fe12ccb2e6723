/** How each rule reads with Prisma, for the README's rule × ORM table (lib/report/rules-table.ts). */
import type { RuleDoc } from '../core/types.js';

export const prismaDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: 'const adults = (await prisma.user.findMany({ orderBy: { id: "asc" } })).filter((u) => u.age >= 18);',
    after: 'const adults = await prisma.user.findMany({ orderBy: { id: "asc" }, where: { age: { gte: 18 } } });',
    declines: [
      'skip, cursor or distinct on the load: finding; a take (bounded): left alone',
      'nullable fields under !== or <, >; DateTime/Decimal/BigInt/Json fields; no schema: finding',
    ],
  },
  'length-check-to-exists': {
    tier: 'safe',
    before: 'if ((await prisma.user.findMany({ where: { active: true } })).length > 0) notify();',
    after: 'if ((await prisma.user.findFirst({ where: { active: true }, select: { id: true } })) !== null) notify();',
    declines: [
      'skip or cursor (rows past an offset): finding',
      'take that is not a positive literal: left alone (bounded)',
      'predicates on nullable fields under !==, DateTime/Decimal/BigInt fields, or without a schema: finding',
    ],
  },
  'length-to-count': {
    tier: 'safe',
    before: 'const n = (await prisma.user.findMany({ where: { active: true } })).length;',
    after: 'const n = await prisma.user.count({ where: { active: true } });',
    declines: [
      '`distinct` (count has none): finding',
      'a `cursor` (count() rejects cursors findMany accepts): finding',
      'arguments it cannot read (spreads, non-literal objects): finding',
    ],
  },
  'index-to-find-first': {
    tier: 'safe',
    before: 'const [newest] = await prisma.post.findMany({ where: { published: true }, orderBy: { id: "desc" } });',
    after: 'const newest = ((await prisma.post.findFirst({ where: { published: true }, orderBy: { id: "desc" } })) ?? undefined)!;',
    declines: ['arguments it cannot read: finding; `take: 0`, a negative or non-literal take: left alone (bounded)', '`.at(-1)`, `rows[rows.length - 1]`, `.findLast(pred)`: findFirst with the orderBy reversed when a required unique field makes it total; no orderBy, or one that can tie: finding'],
  },
  'map-to-select': {
    tier: 'safe',
    before: 'const emails = (await prisma.user.findMany({ where: { active: true } })).map((u) => u.email);',
    after: 'const emails = (await prisma.user.findMany({ where: { active: true }, select: { email: true } })).map((u) => u.email);',
    declines: [
      'a field to add that is a relation or not a stored scalar: finding',
      '`omit`, or `distinct` on a field the map does not read: finding',
      'an existing select or include that lacks a read field: finding',
      'an included or selected relation (`author: true`) is narrowed to `author: { select: { name: true } }` only when it is a to-one relation read only through stored scalar fields (`p.author.name`) and the schema is known; otherwise it keeps its value',
    ],
  },
  'reduce-to-aggregate': {
    tier: 'review',
    before: 'const total = (await prisma.post.findMany({ where: { published: true } })).reduce((s, p) => s + p.views, 0);',
    after: 'const total = (await prisma.post.aggregate({ where: { published: true }, _sum: { views: true } }))._sum.views ?? 0;',
    declines: [
      'no schema, Decimal or BigInt fields: finding',
      '`distinct` (aggregate has none): finding',
      'several aggregates of one load: one aggregate() with `_sum`, `_min`, `_max`, `_avg`, `_count`; `sum / rows.length` is `_avg` only over a field that is never NULL (else `_sum` over `_count._all`)',
    ],
  },
  'loop-query-to-in': {
    tier: 'review',
    before:
      'const users = await prisma.user.findMany({ where: { active: true } });\nfor (const u of users) {\n  const posts = await prisma.post.findMany({ where: { authorId: u.id } });\n  report(u, posts);\n}',
    after:
      'const users = await prisma.user.findMany({ where: { active: true } });\nconst postRows = await prisma.post.findMany({ where: { authorId: { in: users.map((u) => u.id) } } });\nconst postsByAuthorId = postRows.reduce((groups, row) => {\n  const group = groups.get(row.authorId);\n  if (group) group.push(row);\n  else groups.set(row.authorId, [row]);\n  return groups;\n}, new Map<number, typeof postRows>());\nfor (const u of users) {\n  const posts = postsByAuthorId.get(u.id) ?? [];\n  report(u, posts);\n}',
    declines: [
      'take, skip, cursor or distinct on the per-row query, or findFirst by a non-unique field (per-key limits): finding',
      'an optional key field, a select without the key, DateTime/Decimal/BigInt/Json keys, String keys on a provider other than SQLite/PostgreSQL: finding',
      'with an orderBy, the keys go in slices of half the parameter limit (Prisma splits an unordered `in` list itself, and throws past the limit under an orderBy)',
    ],
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await prisma.user.findMany({ where: { active: true } })) await notify(u);',
    after:
      "for (let after: number | undefined; ; ) {\n  const batch = await prisma.user.findMany({\n    where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },\n    orderBy: { id: 'asc' },\n    take: 1000,\n  });\n  for (const u of batch) await notify(u);\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!.id;\n}",
    declines: [
      'no schema (the key and its type would be guesses), skip, cursor, distinct, an orderBy on a nullable or unknown field, a select/omit without the keyset fields: finding',
      'a take, a where that pins the id or a unique field (`in` or an equality) or a field to a runtime list, a page past a cursor its loop moves on (already bounded): left alone',
    ],
  },
};
