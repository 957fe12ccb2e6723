/**
 * The plugin contract, exercised by a toy ORM the way a new plugin would use
 * it: a load named by an argument (`repo.all(User)`), answers that need
 * imports, and keyset batches with a statement per batch. Only the contract
 * is under test here; real ORMs prove their answers under test/<orm>/.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression } from '@babel/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { plugins } from '../lib/orm/core/registry.js';
import type { Dialect, Load, OrmPlugin } from '../lib/orm/core/types.js';
import { defaultRuleOptions, type RuleOptions } from '../lib/rule.js';
import { findRule } from '../transforms/index.js';

interface ToyLoad extends Load {
  repo: string;
}

const toyDialect: Dialect = {
  name: 'toy',
  loadCallNames: ['all'],
  messages: {
    unfiltered: 'no filter',
    uncapped: 'an uncapped all()',
    batchesByHand: (n) => `page with all(Model, { after, take: ${n} })`,
    lastRowByHand: 'ask for the last row',
    existsByHand: 'ask any()',
    aggregateByHand: (op) => `use ${op}Of()`,
    queryHooks: 'review: toy hooks',
  },
  matchLoad(path: NodePath<CallExpression>, _ctx, clientNames): ToyLoad | null {
    const callee = path.node.callee;
    const [model] = path.node.arguments;
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || !clientNames.includes(callee.object.name)) return null;
    if (path.node.arguments.length !== 1 || model.type !== 'Identifier') return null;
    return { dialect: toyDialect, call: path, model: model.name, repo: callee.object.name };
  },
  loadShape: () => ({ ordered: false, filtered: false, limited: false }),
  count: (load) => ({ ok: true, code: `countOf(${(load as ToyLoad).repo}, ${load.model})`, imports: [{ from: 'toy-orm', names: ['countOf'] }], why: 'toy counts' }),
  keysetBatches: (load, _ctx, size) => ({
    ok: true,
    cursorName: 'after',
    cursorType: 'number',
    query: (cursor) => `${(load as ToyLoad).repo}.all(${load.model}, { id: After(${cursor}), take: ${size} })`,
    cursorOf: (row) => `${row}.id`,
    keyFields: ['id'],
    order: 'id ascending',
    imports: [{ from: 'toy-orm', names: ['After'] }],
    perBatch: [`${(load as ToyLoad).repo}.clear()`],
  }),
};

const toy = { id: 'toy', displayName: 'Toy', packages: ['toy-orm'], prefilter: /\.all\(/, clientNames: ['repo'], dialect: toyDialect, docs: {} } as OrmPlugin;

beforeAll(() => {
  (plugins as OrmPlugin[]).push(toy);
});
afterAll(() => {
  (plugins as OrmPlugin[]).splice(plugins.indexOf(toy), 1);
});

function run(ruleId: string, source: string, options: Partial<RuleOptions> = {}) {
  return transformSource(source, 'x.ts', { rules: [findRule(ruleId)!], ruleOptions: { ...defaultRuleOptions, orms: ['toy'], ...options }, applyTiers: new Set(['safe', 'review']) });
}

describe('a plugin built on the contract', () => {
  it('counts with its own code, words and imports', () => {
    const r = run('length-to-count', "import { User } from './user';\nexport async function n() {\n  return (await repo.all(User)).length;\n}\n");
    expect(r.output).toBe("import { User } from './user';\nimport { countOf } from 'toy-orm';\nexport async function n() {\n  return await countOf(repo, User);\n}\n");
    expect(r.edits.map((e) => e.message)).toEqual(['toy counts']);
  });

  it('batches with its imports and a statement after each batch', () => {
    const r = run('loop-to-batches', "import { User } from './user';\nexport async function each() {\n  for (const u of await repo.all(User)) await notify(u);\n}\ndeclare function notify(u: unknown): Promise<void>;\n", { batchSize: 10 });
    expect(r.output).toBe(
      "import { User } from './user';\nimport { After } from 'toy-orm';\nexport async function each() {\n  for (let after: number | undefined; ; ) {\n    const batch = await repo.all(User, { id: After(after), take: 10 });\n    for (const u of batch) await notify(u);\n    repo.clear();\n    if (batch.length < 10) break;\n    after = batch[batch.length - 1]!.id;\n  }\n}\ndeclare function notify(u: unknown): Promise<void>;\n",
    );
  });

  it('words the findings of rules it cannot serve', () => {
    const r = run('loop-to-batches', "export async function each() {\n  await Promise.all((await repo.all(User)).map(async (u) => u));\n}\n", { batchSize: 10 });
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('over every row of an uncapped all() starts one task per row')]);
    expect(r.findings[0].suggestion).toContain('page with all(Model, { after, take: 10 })');
  });

  it('is off where the file activates another plugin, and its hooks caveat is its own', () => {
    const src = "export async function n() {\n  return (await repo.all(User)).length;\n}\n";
    expect(run('length-to-count', src, { orms: [plugins[0].id] }).edits).toEqual([]);
    const hooked = run('length-to-count', src, { queryHooks: toyDialect.messages.queryHooks });
    expect(hooked.edits).toMatchObject([{ tier: 'review', message: 'toy counts. review: toy hooks' }]);
  });
});
