/** The README's rule × ORM table is made from the rules' metadata and the plugins' docs; it must be current. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plugins } from '../lib/orm/core/registry.js';
import { rulesMarkdown, withRulesTable } from '../lib/report/rules-table.js';
import { rules } from '../transforms/index.js';

describe('README', () => {
  it('holds the current rules table (run `npm run docs` to update it)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme).toBe(withRulesTable(readme, rulesMarkdown(rules.map((r) => r.meta), plugins)));
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
