/** How each rule reads with Sequelize, for the README's rule × ORM table (lib/report/rules-table.ts). */
import type { RuleDoc } from '../core/types.js';

export const sequelizeDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: "const adults = (await User.findAll({ order: [['id', 'ASC']] })).filter((u) => u.age >= 18);",
    after: "const adults = await User.findAll({ order: [['id', 'ASC']], where: { age: { [Op.gte]: 18 } } });",
    declines: ['limit, offset, include or group on the load: finding', 'nullable columns under !== or <, >; DATE/DECIMAL/BIGINT/JSON columns; a value that may be undefined (Sequelize throws on it): finding'],
  },
  'length-check-to-exists': {
    tier: 'safe',
    before: 'if ((await User.findAll({ where: { active: true } })).length > 0) notify();',
    after: "if ((await User.findOne({ where: { active: true }, attributes: ['id'] })) !== null) notify();",
    declines: ['offset, include or group: finding', 'a limit that is not a positive literal: finding'],
  },
  'length-to-count': {
    tier: 'safe',
    before: 'const n = (await User.findAll({ where: { active: true } })).length;',
    after: 'const n = await User.count({ where: { active: true } });',
    declines: ['limit or offset (count() ignores them): finding', 'include (count() counts joined rows): finding', 'group (count() returns one count per group): finding'],
  },
  'index-to-find-first': {
    tier: 'safe',
    before: "const [newest] = await Post.findAll({ where: { published: true }, order: [['id', 'DESC']] });",
    after: "const newest = ((await Post.findOne({ where: { published: true }, order: [['id', 'DESC']] })) ?? undefined)!;",
    declines: ['include (findOne limits a subquery of the parents): finding', 'a limit that is not a positive literal: finding'],
  },
  'map-to-select': {
    tier: 'safe',
    before: 'const emails = (await User.findAll({ where: { active: true } })).map((u) => u.email);',
    after: "const emails = (await User.findAll({ where: { active: true }, attributes: ['email'] })).map((u) => u.email);",
    declines: ['VIRTUAL attributes or attributes with a getter: finding', 'include, group or raw: finding', 'an attributes list that lacks a read attribute: finding'],
  },
  'reduce-to-aggregate': {
    tier: 'review',
    before: 'const total = (await Post.findAll({ where: { published: true } })).reduce((s, p) => s + p.views, 0);',
    after: "const total = (await Post.sum('views', { where: { published: true } })) ?? 0;",
    declines: ['DECIMAL or BIGINT columns (parsed as floats or strings): finding', 'limit, offset, include or group: finding', 'several aggregates of one load (no one-query form is offered): finding'],
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await User.findAll({ where: { active: true } })) await notify(u);',
    after:
      "for (let after: number | undefined; ; ) {\n  const batch = await User.findAll({\n    where: { [Op.and]: [{ active: true }, after === undefined ? {} : { id: { [Op.gt]: after } }] },\n    order: [['id', 'ASC']],\n    limit: 1000,\n  });\n  for (const u of batch) await notify(u);\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!.id;\n}",
    declines: ['limit, offset, order, include or group: finding', 'attributes without the primary key: finding'],
  },
  'loop-query-to-in': {
    finding: 'not yet: the Sequelize plugin does not describe per-row queries, so N+1 loops are left alone (no rewrite, no finding)',
  },
};
