// Rewrite fixtures whose input and output DIFFER on an engine: review-tier
// rewrites where that engine disagrees with the original JavaScript, each
// demonstrated by the proof (test/prisma/proof.ts fails if the difference
// disappears, so the list cannot go stale). The reasons themselves are
// demonstrated one by one in __tests__/engine-disagreements.test.ts.

import type { EngineName } from './engines.js';

/** Why an engine disagrees with the JavaScript, as the README's proof table names it. */
export const DIFFERENCE_KINDS = {
  'collation-equality': 'string equality under a `_ci` / PAD SPACE collation',
  'collation-order': 'string order under the collation',
  'float-sum': 'float sum in another order or method',
  'order-ties': 'rows tied on a non-unique order, LIMIT 1',
} as const;

export type DifferenceKind = keyof typeof DIFFERENCE_KINDS;

export interface KnownDifference {
  /** `<rule>/prisma/<case>`, as in the proof's test names. */
  fixture: string;
  /** Indexes into the fixture's `cases`. */
  cases: readonly number[];
  engine: EngineName;
  kinds: readonly DifferenceKind[];
  /** What the engine does that the JavaScript did not, with the rows that show it. */
  reason: string;
}

const LINGUISTIC_ORDER = "title < 'H' holds for 'apple pie' and 'Éclair' under a linguistic collation (JavaScript compares code units: 'a' and 'É' sort after 'H')";
const FLOAT_SUM = 'scores 1e16 and -1e16 swallow the values added between them: JavaScript adds in age order; SUM in storage order (PostgreSQL, MariaDB) or compensated (SQLite)';
const TIES = 'posts 3 and 12 both have 0 views: with LIMIT 1 (a top-N sort) the database returns the other one';

const ENGINES: readonly EngineName[] = ['sqlite', 'postgresql', 'mariadb'];

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  { fixture: 'filter-to-where/prisma/strings', cases: [0, 1, 2, 3], engine: 'postgresql', kinds: ['collation-order'], reason: `en_US.UTF-8: ${LINGUISTIC_ORDER}` },
  { fixture: 'filter-to-where/prisma/strings', cases: [0, 1, 2], engine: 'mariadb', kinds: ['collation-order'], reason: `utf8mb4_unicode_ci: ${LINGUISTIC_ORDER}` },
  {
    fixture: 'filter-to-where/prisma/strings',
    cases: [3],
    engine: 'mariadb',
    kinds: ['collation-equality', 'collation-order'],
    reason: `PAD SPACE: where name = 'Mallory' also matches 'Mallory '; and ${LINGUISTIC_ORDER}`,
  },
  ...(['postgresql', 'mariadb'] as const).map((engine) => ({ fixture: 'index-to-find-first/prisma/order-ties', cases: [0, 1], engine, kinds: ['order-ties'] as const, reason: TIES })),
  { fixture: 'length-check-to-exists/prisma/some-literal', cases: [0], engine: 'mariadb', kinds: ['collation-equality'], reason: "_ci: where name = 'Ivan' matches 'ivan'" },
  { fixture: 'length-check-to-exists/prisma/membership', cases: [1], engine: 'mariadb', kinds: ['collation-equality'], reason: "_ci: where email = 'ALICE@example.com' matches 'alice@example.com', which `includes` does not" },
  ...ENGINES.map((engine) => ({ fixture: 'reduce-to-aggregate/prisma/float-order', cases: [0], engine, kinds: ['float-sum'] as const, reason: FLOAT_SUM })),
];

export function expectedDifference(fixture: string, index: number, engine: EngineName): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.fixture === fixture && d.engine === engine && d.cases.includes(index));
}
