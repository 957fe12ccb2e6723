/**
 * EngineOptions.releaseTrees: the runner hands each file's tree to the engine, which takes every tree of
 * the run apart when it ends (lib/engine.ts takeApart), so its garbage dies young. It must change no
 * result, and it must really empty the nodes, NodePaths and scopes (else it buys nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodePath } from '@babel/traverse';
import type { Program } from '@babel/types';
import { transformSource, type EngineOptions } from '../lib/engine.js';
import { parseSource } from '../lib/parse.js';
import type { Rule } from '../lib/rule.js';
import { rules } from '../transforms/index.js';
import { ormRuleOptions } from './helpers/schema.js';

const root = join(import.meta.dirname, '..', '__testfixtures__');

/** Every fixture input, with the ORM its folder names. */
function inputs(): { orm: string; file: string }[] {
  const out: { orm: string; file: string }[] = [];
  for (const rule of readdirSync(root).sort()) {
    for (const orm of readdirSync(join(root, rule)).sort()) {
      for (const f of readdirSync(join(root, rule, orm)).sort()) if (/\.input\.[a-z]+$/.test(f)) out.push({ orm, file: join(root, rule, orm, f) });
    }
  }
  return out;
}

describe('releaseTrees', () => {
  const all = inputs();

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

  it('leaves the tree alone when not asked', () => {
    const source = 'const users = await prisma.user.findMany();\nexport const n = users.length;\n';
    const ast = parseSource(source, 'a.ts');
    const result = transformSource(source, 'a.ts', { rules, ruleOptions: ormRuleOptions('prisma'), applyTiers: new Set(['safe']) }, ast);
    expect(result.output).not.toBe(source);
    expect(ast.program.body).toHaveLength(2);
  });
});
