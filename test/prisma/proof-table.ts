// The README's proof table (rule × engine), made from the rewrite fixtures
// and the differences the proof lists (engine-differences.ts); a test keeps
// the README equal to it (__tests__/docs.test.ts).

import { DIFFERENCE_KINDS, KNOWN_DIFFERENCES } from './engine-differences.js';
import type { EngineName } from './engines.js';
import { findPrismaRewriteFixtures } from './fixtures.js';

const ENGINES: readonly [EngineName, string][] = [
  ['sqlite', 'SQLite'],
  ['postgresql', 'PostgreSQL 15'],
  ['mariadb', 'MariaDB'],
];

const START = '<!-- proof-table -->';
const END = '<!-- /proof-table -->';

/** `rules` in README order with their default tier. */
export function proofTableMarkdown(rules: readonly { id: string; tier: string }[]): string {
  const fixtures = findPrismaRewriteFixtures();
  const lines = [`| rule | default tier | rewrite fixtures | ${ENGINES.map(([, title]) => title).join(' | ')} |`, `|---|---|---|${ENGINES.map(() => '---|').join('')}`];
  for (const rule of rules) {
    const count = fixtures.filter((f) => f.rule === rule.id).length;
    const cells = ENGINES.map(([engine]) => {
      const listed = KNOWN_DIFFERENCES.filter((d) => d.engine === engine && d.fixture.startsWith(`${rule.id}/`));
      if (listed.length === 0) return 'identical';
      const parts = listed.map((d) => `\`${d.fixture.split('/').pop()}\` case ${d.cases.join(', ')}: ${d.kinds.map((k) => DIFFERENCE_KINDS[k]).join('; ')}`);
      return `identical except ${[...new Set(parts)].join('; ')}`;
    });
    lines.push(`| \`${rule.id}\` | ${rule.tier} | ${count} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** `readme` with the text between the proof-table markers replaced by `table`. */
export function withProofTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no ${START} ... ${END} section`);
  return `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
