/** The words pushdown's rules use for Drizzle. */
import type { OrmMessages } from '../core/types.js';

export const drizzleMessages: OrmMessages = {
  unfiltered: 'no `.where()`, no `.limit()`',
  uncapped: 'a select with no `.limit()`',
  batchesByHand: (batchSize) =>
    `walk the rows in keyset batches (\`.where(and(w, gt(t.id, last)))\`, \`.orderBy(asc(t.id))\`, \`.limit(${batchSize})\`) and \`Promise.all\` within each batch`,
  lastRowByHand: 'the same select with its `.orderBy()` reversed (add one on the primary key when there is none) and `.limit(1)`',
  existsByHand: 'ask the database by hand, e.g. `(await db.select({ one: sql`1` }).from(t).where(w).limit(1)).length > 0`',
  aggregateByHand: (op) => `aggregate in the database with \`${op}(t.f)\` in a select if NULLs should be skipped, or filter them out first`,
  // Drizzle has no per-operation query hooks; kept for the contract.
  queryHooks: (where) => `review: this project hooks queries per operation (in ${where}); check that what ran for the original select also runs for the new query`,
};

/** `a text`, `an integer (mode 'boolean')`: a column type with its article, for messages. */
export function an(typeName: string): string {
  return `${/^[aeiou]/i.test(typeName) ? 'an' : 'a'} ${typeName}`;
}
