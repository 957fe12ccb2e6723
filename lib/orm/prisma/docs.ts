/** How each rule reads with Prisma, for the README's rule × ORM table (lib/report/rules-table.ts). */
import type { RuleDoc } from '../core/types.js';

export const prismaDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: 'const adults = (await prisma.user.findMany({ orderBy: { id: "asc" } })).filter((u) => u.age >= 18);',
    after: 'const adults = await prisma.user.findMany({ orderBy: { id: "asc" }, where: { age: { gte: 18 } } });',
    declines: [
      'take, skip, cursor or distinct on the load: finding',
      'nullable fields under !== or <, >; DateTime/Decimal/BigInt/Json fields; no schema: finding',
    ],
  },
  'length-check-to-exists': {
    tier: 'safe',
    before: 'if ((await prisma.user.findMany({ where: { active: true } })).length > 0) notify();',
    after: 'if ((await prisma.user.findFirst({ where: { active: true }, select: { id: true } })) !== null) notify();',
    declines: [
      'skip or cursor (rows past an offset): finding',
      'take that is not a positive literal: finding',
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
    declines: ['`take: 0`, a negative or non-literal take, arguments it cannot read: finding', '`.at(-1)`: finding suggesting findFirst with the order reversed'],
  },
  'map-to-select': {
    tier: 'safe',
    before: 'const emails = (await prisma.user.findMany({ where: { active: true } })).map((u) => u.email);',
    after: 'const emails = (await prisma.user.findMany({ where: { active: true }, select: { email: true } })).map((u) => u.email);',
    declines: [
      'a field to add that is a relation or not a stored scalar: finding',
      '`omit`, or `distinct` on a field the map does not read: finding',
      'an existing select or include that lacks a read field: finding',
    ],
  },
  'reduce-to-aggregate': {
    tier: 'review',
    before: 'const total = (await prisma.post.findMany({ where: { published: true } })).reduce((s, p) => s + p.views, 0);',
    after: 'const total = (await prisma.post.aggregate({ where: { published: true }, _sum: { views: true } }))._sum.views ?? 0;',
    declines: ['no schema, Decimal or BigInt fields: finding', '`distinct` (aggregate has none): finding'],
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await prisma.user.findMany({ where: { active: true } })) await notify(u);',
    after:
      "for (let after: number | undefined; ; ) {\n  const batch = await prisma.user.findMany({\n    where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },\n    orderBy: { id: 'asc' },\n    take: 1000,\n  });\n  for (const u of batch) await notify(u);\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!.id;\n}",
    declines: [
      'take, skip, cursor, distinct, an orderBy on a nullable or unknown field, a select/omit without the keyset fields: finding',
      'a where that pins the id or a unique field with `in` or an equality (already bounded): left alone',
    ],
  },
};
