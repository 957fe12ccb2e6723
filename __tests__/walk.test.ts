import * as traverseModule from '@babel/traverse';
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Node } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { programPath } from '../lib/engine.js';
import { parseSource } from '../lib/parse.js';
import { findNodes, findNodesEach, pathAt, someNode, walkNodes } from '../lib/walk.js';
import { defineScan, scanned, scannedBefore } from '../lib/analysis/plain-scan.js';
import { ormRuleOptions } from './helpers/schema.js';

const SOURCE = `
import { a } from './a';
@decorate(make())
class Service<T extends ReturnType<typeof pick>> {
  @inject(token()) private readonly dep = build(1);
  async run(x: number = start()): Promise<T> {
    const rows = await db.user.findMany({ where: { id: f(x) } });
    for (const r of list(rows)) out(r?.id, g(h(r)));
    return cb(() => inner(1), class { m() { deep(); } }) as T;
  }
}
export default first(second(third()), ...spread(fourth()));
const el = <div onClick={() => click()}>{render(items.map((i) => i.name))}</div>;
label: for (;;) { if (test()) break label; }
`;

describe('plain AST walks', () => {
  const ast = parseSource(SOURCE, 'x.tsx');
  const program = programPath(ast);
  const traversed: NodePath<CallExpression>[] = [];
  program.traverse({
    CallExpression(path) {
      traversed.push(path);
    },
  });

  it('findNodes meets the nodes @babel/traverse visits, in the same order', () => {
    const found = findNodes(ast.program, (n: Node) => n.type === 'CallExpression');
    expect(traversed.length).toBeGreaterThan(15);
    expect(found.map((f) => f.node)).toEqual(traversed.map((p) => p.node));
    expect(found.map((f) => f.node.start)).toEqual(traversed.map((p) => p.node.start));
  });

  it('pathAt gives the very NodePath a traversal gives, with the same scope', () => {
    const found = findNodes(ast.program, (n: Node) => n.type === 'CallExpression');
    found.forEach((f, i) => {
      const p = pathAt(program, f.steps);
      expect(p).toBe(traversed[i]);
      expect(p.scope).toBe(traversed[i].scope);
    });
  });

  it('walkNodes sees every identifier, types and JSX included', () => {
    const names = new Set<string>();
    walkNodes(ast.program, (n) => {
      if (n.type === 'Identifier' || n.type === 'JSXIdentifier') names.add(n.name);
    });
    for (const n of ['pick', 'token', 'inner', 'deep', 'fourth', 'click', 'div', 'label', 'T']) expect(names.has(n)).toBe(true);
  });

  it('findNodesEach answers several tests in one walk, each as findNodes would', () => {
    const tests = [(n: Node) => n.type === 'CallExpression', (n: Node) => n.type === 'Identifier' && n.name.length === 1, (n: Node) => n.type === 'TSTypeQuery'];
    const each = findNodesEach(ast.program, tests);
    expect(each.map((found) => found.length)).toEqual(tests.map((t) => findNodes(ast.program, t).length));
    tests.forEach((t, i) => expect(each[i]).toEqual(findNodes(ast.program, t)));
    expect(each[0].length).toBeGreaterThan(10);
  });

  it('plain scans: every scan of a tree answered by the first that asks, each as its own findNodes would, a late one too', () => {
    const tree = parseSource(`${SOURCE}\ntype R = typeof rows;\n`, 'scan.tsx');
    const ctx = { ast: tree, source: '', filePath: 'scan.tsx', options: ormRuleOptions('prisma') };
    const isCall = (n: Node) => n.type === 'CallExpression';
    let made = 0;
    const calls = defineScan(() => (made++, isCall));
    const none = defineScan(() => undefined);
    const queries = defineScan(() => (n: Node) => n.type === 'TSTypeQuery');
    expect(scannedBefore(tree.program, queries)).toBeUndefined();
    expect(scanned(ctx, calls)).toEqual(findNodes(tree.program, isCall));
    // The other scans were answered by that walk, and the tests are made once per tree.
    expect(scannedBefore(tree.program, queries)).toHaveLength(2);
    expect(scanned(ctx, none)).toEqual([]);
    scanned(ctx, calls);
    expect(made).toBe(1);
    const late = defineScan(() => (n: Node) => n.type === 'ForOfStatement');
    expect(scanned(ctx, late)).toEqual(findNodes(tree.program, (n) => n.type === 'ForOfStatement'));
  });

  it('someNode finds what walkNodes visits, and stops at the first match', () => {
    const seen: Node[] = [];
    walkNodes(ast.program, (n) => {
      seen.push(n);
    });
    const named = (name: string) => (n: Node) => (n.type === 'Identifier' || n.type === 'JSXIdentifier') && n.name === name;
    for (const name of ['pick', 'token', 'deep', 'click', 'div', 'label', 'absent']) expect(someNode(ast.program, named(name)), name).toBe(seen.some(named(name)));
    let asked = 0;
    const at = seen.findIndex(named('deep'));
    expect(someNode(ast.program, (n) => (asked++, named('deep')(n)))).toBe(true);
    // The nodes before it in walkNodes' order, and it: no more.
    expect(asked).toBe(at + 1);
    expect(asked).toBeLessThan(seen.length);
  });
});

describe('big lists', () => {
  it('pathAt into a long list, before any traversal, gives the path a later traversal visits', () => {
    const body = Array.from({ length: 40 }, (_, i) => `  await db.user.findMany({ where: { id: ${i} } });`).join('\n');
    const ast = parseSource(`async function f() {\n${body}\n}\n`, 'x.ts');
    const program = programPath(ast);
    const found = findNodes(ast.program, (n: Node) => n.type === 'CallExpression');
    const fetched = found.map((f) => pathAt(program, f.steps));
    const statement = fetched[25].parentPath!.parentPath!;
    expect([statement.listKey, statement.key, statement.container === (ast.program.body[0] as { body: { body: unknown } }).body.body]).toEqual(['body', 25, true]);
    const traversed: NodePath[] = [];
    program.traverse({ CallExpression: (p) => void traversed.push(p) });
    expect(fetched).toEqual(traversed);
    fetched.forEach((p, i) => expect(p).toBe(traversed[i]));
  });

  it("a name referenced many times keeps babel's reference list: each path once, in order", () => {
    const uses = Array.from({ length: 40 }, (_, i) => `out.push(${i});`).join('\n');
    const ast = parseSource(`const out: number[] = [];\n${uses}\n`, 'x.ts');
    const binding = programPath(ast).scope.getBinding('out')!;
    expect(binding.references).toBe(40);
    expect(new Set(binding.referencePaths).size).toBe(40);
    expect(binding.referencePaths.map((p) => p.node.start)).toEqual([...binding.referencePaths.map((p) => p.node.start!)].sort((a, b) => a - b));
    binding.reference(binding.referencePaths[30]);
    binding.reference(binding.referencePaths[3]);
    expect(binding.references).toBe(40);
    expect(binding.referencePaths.length).toBe(40);
  });
});

describe("babel's path cache", () => {
  it('keeps child paths on the parent node (not in its weak map), and traversals find them there', () => {
    const ast = parseSource('const a = f(1);\nexport function g() { return a + 1; }\n', 'cache.ts');
    const program = programPath(ast);
    // ESM hands the CommonJS module over as `default`, sometimes wrapped twice.
    let t: unknown = traverseModule;
    while (t && typeof (t as { cache?: unknown }).cache !== 'object') t = (t as { default: unknown }).default;
    const cache = (t as { cache: { path: WeakMap<object, unknown> } }).cache;
    expect(cache.path.get(ast.program)).toBeUndefined();
    expect(Object.getOwnPropertySymbols(ast.program).length).toBe(1);
    // Non-enumerable: a spread copy of a node does not carry babel's paths along.
    expect(Object.getOwnPropertySymbols({ ...ast.program })).toEqual([]);
    const first = pathAt(program, ['body', 0]);
    expect(program.get('body.0')).toBe(first);
    expect(first.scope).toBe(program.scope);
  });
});
