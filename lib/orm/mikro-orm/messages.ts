/** The words pushdown's rules use for MikroORM. */
import type { OrmMessages } from '../core/types.js';

export const mikroMessages: OrmMessages = {
  unfiltered: 'no where, no limit',
  uncapped: 'an em.find with no `limit`',
  batchesByHand: (batchSize) =>
    `walk the rows in keyset batches (em.find with \`{ id: { $gt: last } }\` added to the where, \`orderBy: { id: 'asc' }\`, \`limit: ${batchSize}\`, and em.clear() once a batch is flushed) and \`Promise.all\` within each batch`,
  lastRowByHand: '`em.findOne` with the `orderBy` reversed (add one on the primary key when there is none)',
  existsByHand: 'ask the database by hand, e.g. `(await em.count(Entity, where)) > 0` or `(await em.findOne(Entity, where)) !== null`',
  aggregateByHand: (op) => `aggregate in the database with a QueryBuilder (\`${op}(...)\` skips NULLs), or filter NULLs out first`,
  queryHooks: (where) =>
    `review: this project has MikroORM event subscribers or onLoad/onInit hooks (one in ${where}), which run for entities loaded and not for a count; check that nothing relied on them running for these rows`,
};
