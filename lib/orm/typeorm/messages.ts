/** The words pushdown's rules use for TypeORM. */
import type { OrmMessages } from '../core/types.js';

export const typeormMessages: OrmMessages = {
  unfiltered: 'no where, no take',
  uncapped: 'a find with no `take`',
  batchesByHand: (batchSize) =>
    `walk the rows in keyset batches (find with \`where: { id: MoreThan(last) }\`, \`order: { id: 'ASC' }\`, \`take: ${batchSize}\`) and \`Promise.all\` within each batch`,
  lastRowByHand: '`findOne` with the `order` reversed (add one on the id when there is none)',
  existsByHand: 'ask the database by hand, e.g. `exists({ where: { ... } })` or `existsBy({ ... })`',
  aggregateByHand: (op) => `aggregate in the database with \`${op === 'sum' ? 'sum' : op === 'min' ? 'minimum' : 'maximum'}(column, where)\` if NULLs should be skipped, or filter them out first`,
  queryHooks: (where) =>
    `review: this project registers TypeORM entity subscribers (in ${where}); check that what they do for the original query (afterLoad, beforeQuery) does not matter for the new one`,
};
