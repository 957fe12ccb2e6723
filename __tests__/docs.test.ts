/** The README's rules table is made from the rules' metadata; it must be current. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown, withRulesTable } from '../lib/report/rules-table.js';
import { proofTableMarkdown, withProofTable } from '../test/prisma/proof-table.js';
import { rules } from '../transforms/index.js';

describe('README', () => {
  it('holds the current rules table (run `npm run docs` to update it)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rulesMarkdown(rules.map((r) => r.meta))));
  });

  it('holds the current proof table (PUSHDOWN_WRITE_DOCS=1 npx vitest run __tests__/docs.test.ts updates it)', () => {
    const path = join(import.meta.dirname, '..', 'README.md');
    const readme = readFileSync(path, 'utf8');
    const current = withProofTable(readme, proofTableMarkdown(rules.map((r) => r.meta)));
    if (process.env.PUSHDOWN_WRITE_DOCS === '1') writeFileSync(path, current);
    expect(readme).toBe(current);
  });

  it('every rule has an example, says what it declines, and is listed by id', () => {
    const table = rulesMarkdown(rules.map((r) => r.meta));
    for (const r of rules) {
      expect(r.meta.example, r.meta.id).toBeDefined();
      expect(r.meta.declines?.length, r.meta.id).toBeGreaterThan(0);
      expect(table).toContain(`### \`${r.meta.id}\` (${r.meta.tier})`);
    }
  });
});
