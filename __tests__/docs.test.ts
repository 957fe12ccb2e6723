/**
 * The README's rule × ORM table is made from the rules' metadata and the
 * plugins' docs, and its proof table (rule × engine) from the rewrite
 * fixtures and the differences the proof lists; both must be current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plugins } from '../lib/orm/core/registry.js';
import { rulesMarkdown, withRulesTable } from '../lib/report/rules-table.js';
import { proofTableMarkdown, withProofTable } from '../test/prisma/proof-table.js';
import { rules } from '../transforms/index.js';

describe('README', () => {
  it('holds the current rules table (run `npm run docs` to update it)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rulesMarkdown(rules.map((r) => r.meta), plugins)));
  });

  it('holds the current proof table (PUSHDOWN_WRITE_DOCS=1 npx vitest run __tests__/docs.test.ts updates it)', () => {
    const path = join(import.meta.dirname, '..', 'README.md');
    const readme = readFileSync(path, 'utf8');
    const current = withProofTable(readme, proofTableMarkdown(rules.map((r) => r.meta)));
    if (process.env.PUSHDOWN_WRITE_DOCS === '1') writeFileSync(path, current);
    expect(readme).toBe(current);
  });

  it('every rule says what it leaves alone, and every plugin documents every rule', () => {
    const table = rulesMarkdown(rules.map((r) => r.meta), plugins);
    for (const r of rules) {
      expect(r.meta.declines?.length, r.meta.id).toBeGreaterThan(0);
      expect(table).toContain(`### \`${r.meta.id}\``);
      for (const p of plugins) {
        const doc = p.docs[r.meta.id];
        expect(doc, `${p.id} documents ${r.meta.id}`).toBeDefined();
        if (doc && !('finding' in doc)) expect(doc.before).not.toBe(doc.after);
      }
    }
    for (const p of plugins) for (const id of Object.keys(p.docs)) expect(rules.map((r) => r.meta.id), `${p.id} documents a rule that exists`).toContain(id);
  });

  it('rules carry no ORM code: examples live in the plugins', () => {
    for (const r of rules) expect(Object.keys(r.meta)).not.toContain('example');
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
