/** The README's rules table is made from the rules' metadata; it must be current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesMarkdown, withRulesTable } from '../lib/report/rules-table.js';
import { rules } from '../transforms/index.js';

describe('README', () => {
  it('holds the current rules table (run `npm run docs` to update it)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rulesMarkdown(rules.map((r) => r.meta))));
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

describe('README options table and --help', () => {
  it('the README holds the option table made from bin/options.ts (run `npm run docs` to update it)', async () => {
    const { betweenMarkers, optionsMarkdown, OPTIONS_START, OPTIONS_END } = await import('../bin/options.js');
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(betweenMarkers(readme, OPTIONS_START, OPTIONS_END, optionsMarkdown()));
  });

  it('--help lists every option of the table with its text', async () => {
    const { flagText, helpText, OPTIONS } = await import('../bin/options.js');
    const help = helpText().replace(/\s+/g, ' ');
    for (const spec of OPTIONS) {
      expect(help).toContain(flagText(spec));
      expect(help).toContain(spec.describe.replace(/`/g, '').replace(/\s+/g, ' '));
    }
  });
});
