/**
 * Rule.words: the engine skips a rule on a text that holds none of its words
 * (lib/rule.ts mayAct). It must skip only where the rule would have found
 * nothing: on every fixture input, each rule with words gives what it gives
 * with its words taken away.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transformSource, type EngineOptions } from '../lib/engine.js';
import { mayAct, type Rule } from '../lib/rule.js';
import { rules } from '../transforms/index.js';
import { ormRuleOptions } from './helpers/schema.js';
import { fixtureInputs } from './helpers/fixture-inputs.js';

describe('Rule.words', () => {
  it('a rule runs only on a text with one of its words, or with a \\u escape', () => {
    const ran: string[] = [];
    const probe: Rule = { meta: { id: 'probe', description: 'records', tier: 'safe' }, apply: (ctx) => void ran.push(ctx.source), words: ['zebra', 'yak'] };
    const opts: EngineOptions = { rules: [probe], ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe']) };
    for (const source of ['const a = 1;\n', 'const zebra = 1;\n', 'f(yak);\n', 'const \\u0061 = 1;\n']) transformSource(source, 'a.ts', opts);
    expect(ran).toEqual(['const zebra = 1;\n', 'f(yak);\n', 'const \\u0061 = 1;\n']);
    expect(mayAct({}, 'anything')).toBe(true);
    expect(mayAct({ words: [] }, 'anything')).toBe(false);
  });

  it('the rules that have words find on every fixture input exactly what they find without them', () => {
    const withWords = rules.filter((r) => r.words !== undefined);
    expect(withWords.map((r) => r.meta.id).sort()).toEqual(['filter-to-where', 'length-to-count', 'reduce-to-aggregate']);
    const all = fixtureInputs();
    expect(all.length).toBeGreaterThan(50);
    let acted = 0;
    let skipped = 0;
    for (const { orm, file } of all) {
      const source = readFileSync(file, 'utf8');
      for (const rule of withWords) {
        const opts = (r: Rule): EngineOptions => ({ rules: [r], ruleOptions: ormRuleOptions(orm), applyTiers: new Set(['safe', 'review']) });
        const gated = transformSource(source, file, opts(rule));
        const always = transformSource(source, file, opts({ ...rule, words: undefined }));
        expect(gated, `${rule.meta.id} on ${file}`).toEqual(always);
        if (always.edits.length + always.findings.length > 0) acted++;
        if (!mayAct(rule, source)) skipped++;
      }
    }
    // Both kinds are among them: inputs the rules act on, and inputs the words let them skip.
    expect(acted).toBeGreaterThan(30);
    expect(skipped).toBeGreaterThan(30);
  });

  it('a name spelled with an escape is still seen', () => {
    const reduce = rules.find((r) => r.meta.id === 'reduce-to-aggregate')!;
    const source = 'const users = await prisma.user.findMany();\nexport const total = users.\\u0072educe((s, u) => s + u.age, 0);\n';
    expect(source).not.toContain('reduce');
    const opts = (r: Rule): EngineOptions => ({ rules: [r], ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe', 'review']) });
    expect(mayAct(reduce, source)).toBe(true);
    const gated = transformSource(source, 'a.ts', opts(reduce));
    expect(gated.edits).toHaveLength(1);
    expect(gated).toEqual(transformSource(source, 'a.ts', opts({ ...reduce, words: undefined })));
  });
});
