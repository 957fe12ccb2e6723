/** How each rule reads with Mongoose, for the README's rule × ORM table (lib/report/rules-table.ts). */
import type { RuleDoc } from '../core/types.js';

export const mongooseDocs: Readonly<Record<string, RuleDoc>> = {
  'filter-to-where': {
    tier: 'review',
    before: 'const adults = (await User.find({ active: true }).sort({ _id: 1 })).filter((u) => u.age >= 18);',
    after: 'const adults = await User.find({ active: true, age: { $gte: 18 } }).sort({ _id: 1 });',
    declines: ['limit or skip on the query: finding', 'null tests (`null` also matches a missing field), ordering on paths that are not required, ObjectId/Date/array paths: finding'],
  },
  'length-check-to-exists': {
    tier: 'safe',
    before: 'if ((await User.find({ active: true })).length > 0) notify();',
    after: 'if ((await User.findOne({ active: true }, { _id: 1 }).lean()) !== null) notify();',
    declines: ['skip: finding', 'a limit that is not a positive literal: finding'],
  },
  'length-to-count': {
    tier: 'safe',
    before: 'const n = (await User.find({ active: true })).length;',
    after: 'const n = await User.countDocuments({ active: true });',
    declines: ['a projection or options argument it cannot read: finding'],
  },
  'index-to-find-first': {
    tier: 'safe',
    before: 'const [newest] = await Post.find({ published: true }).sort({ _id: -1 });',
    after: 'const newest = ((await Post.findOne({ published: true }).sort({ _id: -1 })) ?? undefined)!;',
    declines: ['a limit that is not a positive literal: finding'],
  },
  'map-to-select': {
    tier: 'safe',
    before: 'const emails = (await User.find({ active: true }).lean()).map((u) => u.email);',
    after: "const emails = (await User.find({ active: true }).lean().select('email')).map((u) => u.email);",
    declines: ['virtuals (such as `id`), paths with getters or aliases: finding', 'populate, or a different existing select: finding'],
  },
  'reduce-to-aggregate': {
    tier: 'review',
    before: 'const total = (await Post.find({ published: true })).reduce((s, p) => s + p.views, 0);',
    after: "const total = ((await Post.aggregate<{ sum: number }>([{ $match: { published: true } }, { $group: { _id: null, sum: { $sum: '$views' } } }]))[0]?.sum) ?? 0;",
    declines: ['paths that are not required (a missing value is NaN in JavaScript): finding', 'filters whose values need casting ($match is not cast): finding', 'limit or skip: finding', 'several aggregates of one load (no one-query form is offered): finding'],
  },
  'loop-to-batches': {
    tier: 'review',
    before: 'for (const u of await User.find({ active: true })) await notify(u);',
    after:
      'for (let after: Types.ObjectId | undefined; ; ) {\n  const batch = await User.find({ $and: [{ active: true }, after === undefined ? {} : { _id: { $gt: after } }] })\n    .sort({ _id: 1 })\n    .limit(1000);\n  for (const u of batch) await notify(u);\n  if (batch.length < 1000) break;\n  after = batch[batch.length - 1]!._id;\n}',
    declines: ['sort, limit or skip: finding', 'a projection without `_id`: finding'],
  },
  'loop-query-to-in': {
    finding: 'not yet: the Mongoose plugin does not describe per-row queries, so N+1 loops are left alone (no rewrite, no finding)',
  },
};
