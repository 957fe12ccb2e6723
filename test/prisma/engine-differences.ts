// Rewrite fixtures whose input and output DIFFER on an engine: review-tier
// rewrites where that engine disagrees with the original JavaScript, each
// demonstrated by the proof (test/prisma/proof.ts fails if the difference
// disappears, so the list cannot go stale). A safe rewrite never belongs here.

import type { EngineName } from './engines.js';

export interface KnownDifference {
  /** `<rule>/prisma/<case>`, as in the proof's test names. */
  fixture: string;
  /** The index into the fixture's `cases`. */
  case: number;
  engines: readonly EngineName[];
  /** What the engine does that the JavaScript did not. */
  reason: string;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    fixture: 'filter-to-where/prisma/strings',
    case: 3,
    engines: ['mariadb'],
    reason: "PAD SPACE collation: where name = 'Mallory' also matches 'Mallory '",
  },
  {
    fixture: 'length-check-to-exists/prisma/some-literal',
    case: 0,
    engines: ['mariadb'],
    reason: "_ci collation: where name = 'Ivan' matches 'ivan'",
  },
];

export function expectedDifference(fixture: string, index: number, engine: EngineName): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((d) => d.fixture === fixture && d.case === index && d.engines.includes(engine));
}
