/**
 * Fixture pairs, found by readdir: __testfixtures__/<rule>/<orm>/<case>.input.<ext>
 * with <case>.output.<ext>; a case with no output file must come out unchanged.
 * Each case runs its own rule with every tier applied, then again on its own
 * output (idempotence), and the output must parse. An optional
 * <case>.findings.txt lists, one per line, text each expected finding contains;
 * without it a case must produce no finding. An optional <case>.options.json
 * sets rule options for that case (e.g. `{ "batchSize": 2 }`; `"facts": null`
 * runs it with no facts, as when no schema is found).
 * Each case runs with ONLY the plugin its <orm> folder names active, with that
 * ORM's fixture facts (helpers/schema.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { parseSource } from '../lib/parse.js';
import { findPlugin } from '../lib/orm/core/registry.js';
import type { RuleOptions } from '../lib/rule.js';
import { findRule } from '../transforms/index.js';
import { ormRuleOptions } from './helpers/schema.js';

const root = join(import.meta.dirname, '..', '__testfixtures__');

interface Case {
  rule: string;
  orm: string;
  name: string;
  input: string;
  output?: string;
  findings?: string;
  /** `<case>.options.json`: rule options for this case (e.g. `{ "batchSize": 2 }`), merged over the defaults. */
  options?: string;
}


function cases(): Case[] {
  const out: Case[] = [];
  for (const rule of readdirSync(root).sort()) {
    for (const orm of readdirSync(join(root, rule)).sort()) {
      const dir = join(root, rule, orm);
      for (const f of readdirSync(dir).sort()) {
        const m = /^(.*)\.input\.([a-z]+)$/.exec(f);
        if (!m) continue;
        const [, name, ext] = m;
        const output = join(dir, `${name}.output.${ext}`);
        const findings = join(dir, `${name}.findings.txt`);
        const options = join(dir, `${name}.options.json`);
        out.push({
          rule,
          orm,
          name: `${name}.${ext}`,
          input: join(dir, f),
          output: existsSync(output) ? output : undefined,
          findings: existsSync(findings) ? findings : undefined,
          options: existsSync(options) ? options : undefined,
        });
      }
    }
  }
  return out;
}

function run(c: Case, source: string) {
  const rule = findRule(c.rule);
  if (!rule) throw new Error(`no rule named ${c.rule} (fixture folder ${c.rule})`);
  if (!findPlugin(c.orm)) throw new Error(`no ORM plugin named ${c.orm} (fixture folder ${c.rule}/${c.orm})`);
  const { facts, ...extra } = c.options ? (JSON.parse(readFileSync(c.options, 'utf8')) as Partial<RuleOptions> & { facts?: null }) : {};
  const options: RuleOptions = ormRuleOptions(c.orm, { ...(facts === null ? { facts: null } : {}), rest: extra });
  return transformSource(source, c.input, { rules: [rule], ruleOptions: options, applyTiers: new Set(['safe', 'review']) });
}

const all = cases();

describe('fixtures', () => {
  it('finds fixtures', () => {
    expect(all.length).toBeGreaterThan(0);
  });
  for (const c of all) {
    it(`${c.rule}/${c.orm}/${c.name}`, () => {
      const input = readFileSync(c.input, 'utf8');
      const first = run(c, input);
      const expected = c.output ? readFileSync(c.output, 'utf8') : input;
      expect(first.output).toBe(expected);
      if (c.output) expect(first.output, 'a rewrite fixture must change something').not.toBe(input);
      expect(() => parseSource(first.output, c.input)).not.toThrow();
      const second = run(c, first.output);
      expect(second.output, 'running twice must change nothing the second time').toBe(first.output);
      expect(second.edits.filter((e) => e.applied)).toEqual([]);
      // pushdown's own output never reports itself: what the first run wrote brings no new finding.
      const before = new Set(first.findings.map((f) => f.fingerprint));
      expect(second.findings.filter((f) => !before.has(f.fingerprint)).map((f) => f.message), 'a finding on pushdown\'s own output').toEqual([]);
      // A line `hint: text` expects a hint (a lower-severity finding) containing text.
      const wanted = c.findings ? readFileSync(c.findings, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
      const got = first.findings.map((f) => `${f.severity === 'hint' ? 'hint: ' : ''}${f.message}${f.suggestion ? ` Fix: ${f.suggestion}` : ''}`);
      for (const f of first.findings) {
        expect(f.messageId, 'every finding has a messageId').toMatch(/^[a-z][A-Za-z-]+$/);
        expect(f.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      }
      if (wanted.length === 0) expect(got).toEqual([]);
      for (const w of wanted) {
        const hint = w.startsWith('hint: ');
        const text = hint ? w.slice('hint: '.length) : w;
        expect(got.some((g) => g.startsWith('hint: ') === hint && g.includes(text)), `a ${hint ? 'hint' : 'finding'} containing "${w}" in ${JSON.stringify(got)}`).toBe(true);
      }
      if (wanted.length > 0) expect(got.length).toBe(wanted.length);
    });
  }
});
