/**
 * EngineOptions.releaseTrees: the runner hands each file's tree to the engine, which takes every tree of
 * the run apart as soon as it is done with it (lib/engine.ts takeApart), so its garbage dies young. It must
 * change no result, and it must really empty the nodes, NodePaths and scopes (else it buys nothing).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NodePath } from '@babel/traverse';
import type { File, Program } from '@babel/types';
import { transformSource, type EngineOptions } from '../lib/engine.js';
import { parseSource } from '../lib/parse.js';
import type { Rule } from '../lib/rule.js';
import { rules } from '../transforms/index.js';
import { ormRuleOptions } from './helpers/schema.js';
import { fixtureInputs } from './helpers/fixture-inputs.js';

describe('releaseTrees', () => {
  const all = fixtureInputs();

  it('gives the same result as keeping the trees, on every fixture input with every rule', () => {
    expect(all.length).toBeGreaterThan(50);
    let reparsed = 0;
    for (const { orm, file } of all) {
      const source = readFileSync(file, 'utf8');
      const opts: EngineOptions = { rules, ruleOptions: ormRuleOptions(orm), applyTiers: new Set(['safe', 'review']) };
      const kept = transformSource(source, file, opts, parseSource(source, file));
      const ast = parseSource(source, file);
      const released = transformSource(source, file, { ...opts, releaseTrees: true }, ast);
      expect(released, file).toEqual(kept);
      expect(ast.program, 'the given tree is emptied').toBeNull();
      if (released.batches.length > 0) reparsed++;
    }
    // Runs where a rule edited, so later rules read a re-parsed tree, are among them.
    expect(reparsed).toBeGreaterThan(10);
  });

  it('empties the NodePaths and scopes a rule read, not only the nodes', () => {
    let seen: NodePath<Program> | undefined;
    let binding: { path: unknown } | undefined;
    const probe: Rule = {
      meta: { id: 'probe', description: 'reads the program path', tier: 'safe' },
      apply(ctx) {
        seen = ctx.program;
        binding = seen.scope.getBinding('users');
        expect(binding?.path).toBeDefined();
      },
    } as Rule;
    const source = 'const users = await prisma.user.findMany();\nexport const n = users.length;\n';
    const ast = parseSource(source, 'a.ts');
    transformSource(source, 'a.ts', { rules: [probe], ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe']), releaseTrees: true }, ast);
    expect(seen).toBeDefined();
    expect(seen?.node).toBeNull();
    expect(seen?.scope).toBeNull();
    expect(binding?.path).toBeNull();
    expect(ast.program).toBeNull();
  });

  it('takes a tree apart when a re-parse replaces it, so a run holds one tree at a time', () => {
    const seen: File[] = [];
    /** What each rule found of the trees the rules before it read: emptied or not. */
    const emptied: boolean[][] = [];
    const replacing = (id: string, from: string, to: string): Rule =>
      ({
        meta: { id, description: `${from} -> ${to}`, tier: 'safe' },
        apply(ctx) {
          emptied.push(seen.map((t) => t.program === null));
          seen.push(ctx.ast);
          const at = ctx.source.indexOf(from);
          if (at !== -1) ctx.rewrite({ node: ctx.ast.program, tier: 'safe', message: `${from} -> ${to}`, edits: [{ start: at, end: at + from.length, text: to }] });
        },
      }) as Rule;
    const source = 'export const n = 1;\n';
    const ast = parseSource(source, 'a.ts');
    const opts: EngineOptions = { rules: [replacing('a', '1', '2'), replacing('b', '2', '3'), replacing('c', '9', '0')], ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe']) };
    const result = transformSource(source, 'a.ts', { ...opts, releaseTrees: true }, ast);
    expect(result.output).toBe('export const n = 3;\n');
    expect(seen[0]).toBe(ast);
    expect(new Set(seen).size).toBe(3);
    // Rule b reads the tree a's edit made, and a's is gone; c reads b's, and a's and b's are gone.
    expect(emptied).toEqual([[], [true], [true, true]]);
    expect(seen.every((t) => t.program === null)).toBe(true);
    // Without releaseTrees, nothing is emptied.
    seen.length = 0;
    emptied.length = 0;
    transformSource(source, 'a.ts', opts, parseSource(source, 'a.ts'));
    expect(emptied).toEqual([[], [false], [false, false]]);
    expect(seen.some((t) => t.program === null)).toBe(false);
  });

  it('leaves the tree alone when not asked', () => {
    const source = 'const users = await prisma.user.findMany();\nexport const n = users.length;\n';
    const ast = parseSource(source, 'a.ts');
    const result = transformSource(source, 'a.ts', { rules, ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe']) }, ast);
    expect(result.output).not.toBe(source);
    expect(ast.program.body).toHaveLength(2);
  });
  it('takes apart a tree whose class scope babel left without a binding (`declare class`), after a rewrite', () => {
    // babel's crawl sets a class scope's own name to `undefined` when the class declares no binding; taking such
    // a tree apart once threw, and the re-parse around it reported the rewrite as code that does not parse.
    const source = [
      "import { prisma } from './db';",
      'declare class Legacy {}',
      'export async function n() {',
      '  return (await prisma.user.findMany({ where: { active: true } })).length;',
      '}',
      '',
    ].join('\n');
    const opts: EngineOptions = { rules, ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe', 'review']) };
    const kept = transformSource(source, 'a.ts', opts, parseSource(source, 'a.ts'));
    expect(kept.edits.map((e) => e.rule)).toContain('length-to-count');
    const released = transformSource(source, 'a.ts', { ...opts, releaseTrees: true }, parseSource(source, 'a.ts'));
    expect(released).toEqual(kept);
    expect(released.output).toContain('prisma.user.count(');
  });
});
