// Rewrite fixtures whose input and output DIFFER on an engine: review-tier
// rewrites where that engine disagrees with the original JavaScript, each
// demonstrated by the proof (test/prisma/proof.ts fails if the difference
// disappears, so the list cannot go stale). A safe rewrite never belongs here.

import type { EngineName } from './engines.js';

export interface KnownDifference {
  /** `<rule>/prisma/<case>`, as in the proof's test names. */
  fixture: string;
  /** Indexes into the fixture's `cases`. */
  cases: readonly number[];
  engine: EngineName;
  /** What the engine does that the JavaScript did not. */
  reason: string;
}

const LINGUISTIC_ORDER = "linguistic collation: title < 'H' holds for 'apple pie' and 'Éclair' (JavaScript compares code units: 'a' and 'É' sort after 'H')";

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  { fixture: 'filter-to-where/prisma/strings', cases: [0, 1, 2, 3], engine: 'postgresql', reason: `en_US.UTF-8 ${LINGUISTIC_ORDER}` },
  { fixture: 'filter-to-where/prisma/strings', cases: [0, 1, 2], engine: 'mariadb', reason: `utf8mb4_unicode_ci ${LINGUISTIC_ORDER}` },
  {
    fixture: 'filter-to-where/prisma/strings',
    cases: [3],
    engine: 'mariadb',
    reason: `PAD SPACE collation: where name = 'Mallory' also matches 'Mallory '; and the ${LINGUISTIC_ORDER}`,
  },
  ...(['postgresql', 'mariadb'] as const).map((engine) => ({
    fixture: 'index-to-find-first/prisma/order-ties',
    cases: [0, 1],
    engine,
    reason: 'ties in the order: with LIMIT 1 (a top-N sort) the database returns another of the tied rows (posts 3 and 12 both have 0 views) than first in the full sort',
  })),
  { fixture: 'length-check-to-exists/prisma/some-literal', cases: [0], engine: 'mariadb', reason: "_ci collation: where name = 'Ivan' matches 'ivan'" },
];

export function expectedDifference(fixture: string, index: number, engine: EngineName): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.fixture === fixture && d.engine === engine && d.cases.includes(index));
}
