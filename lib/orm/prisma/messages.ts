/** The words pushdown's rules use for Prisma. */
import type { OrmMessages } from '../core/types.js';

export const prismaMessages: OrmMessages = {
  unfiltered: 'no where, no take',
  uncapped: 'a findMany with no `take`',
  batchesByHand: (batchSize) =>
    `walk the rows in keyset batches (findMany with \`where\` on the key past the last one seen, \`orderBy\` the key, \`take: ${batchSize}\`) and \`Promise.all\` within each batch`,
  lastRowByHand: '`findFirst` with the `orderBy` reversed (add one on the id when there is none)',
  existsByHand: 'ask the database by hand, e.g. `findFirst({ where: { ... }, select: { id: true } })`',
  aggregateByHand: (op) => `aggregate in the database with \`_${op}\` if NULLs should be skipped, or filter them out first`,
  queryHooks: (where) =>
    `review: this project hooks queries per operation (a Prisma query extension or middleware in ${where}); check that the hooks that ran for the original query (e.g. a soft-delete filter on findMany) also run for the new one`,
};

/** Why a first-row rewrite returns what `[0]` did. */
export const FIRST_WHY = 'findFirst returns the row `[0]` would have (same where, orderBy, cursor, skip and distinct; same row shape) and loads only that row';
