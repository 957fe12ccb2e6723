/**
 * lib/crawl.ts walks babel's Program crawl itself. It must leave exactly what babel's own crawl leaves:
 * every scope (made in the same order), binding (kind, declaration, constancy), reference and constant
 * violation (the same paths, in the same order, each with its scope), global, label, uid and data key.
 * Both crawls run on separately parsed copies of each source and are compared field by field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodePath } from '@babel/traverse';
import type { File } from '@babel/types';
import { programPath, transformSource } from '../lib/engine.js';
import { parseSource } from '../lib/parse.js';
import { crawlInstalled, scopeDump, withBabelCrawl } from '../lib/crawl.js';
import { fixtureInputs } from './helpers/fixture-inputs.js';

type AnyScope = { bindings: Record<string, { path: NodePath } | undefined> };

const dump = (ast: File, program: NodePath) => scopeDump(ast.program, program);

/** Does a path the crawl made for a declaration keep a TraversalContext? babel's traversal leaves one; pushdown's walk does not. */
function keepsContext(program: NodePath): boolean {
  const binding = Object.values((program.scope as unknown as AnyScope).bindings).find((b) => b !== undefined);
  return (binding?.path as { context?: unknown } | undefined)?.context != null;
}

function bothCrawls(source: string, file: string): { babel: string[]; pushdown: string[]; contexts: boolean[] } {
  const a = parseSource(source, file);
  const babelProgram = withBabelCrawl(() => programPath(a));
  const babel = dump(a, babelProgram);
  const b = parseSource(source, file);
  const program = programPath(b);
  const pushdown = dump(b, program);
  return { babel, pushdown, contexts: [keepsContext(babelProgram), keepsContext(program)] };
}

/** Forms babel's collector treats apart, one file each (TypeScript unless named .js / .tsx). */
const FORMS: Record<string, string> = {
  'vars.ts': `for (var i = 0; i < 3; i++) { var inner = i; } for (var k in {}) {} for (var v of []) {} for (k in {}) {} for ([a, b] of []) {} var a, b; { var hoisted = 1; function inBlock() { return hoisted; } } inBlock; i++; delete a.x; --b; [a, b] = [b, a]; ({ a, undeclared } = {}); undeclared2 = 1;`,
  'labels-catch.ts': `outer: for (;;) { inner: while (true) { if (Math.random()) break outer; continue inner; } } try { f(); } catch (e) { e; } catch2: { try {} catch { } } function f() { let local = 1; lbl: for (;;) { local++; break lbl; } return local; } f;`,
  'functions.ts': `const f = function named(x = y, { p, q: [r] } = {}, ...rest) { return named(x, p, r, rest, arguments, this); }; const y = 1; function decl(a: number): typeof y { return a; } const arrow = async (a) => { await a; }; function* g() { yield g; } export default function () {} f; decl; arrow;`,
  'classes.ts': `@dec class A<T> extends B { static s = A; #p = 1; @dec m(@dec a) { return this.#p + a; } [computed]() {} get g() { return 1; } static { A.s; } declare d: T; } const C = class Named { m() { return Named; } }; class B {} function dec(..._: unknown[]) {} const computed = 'c'; export class Ex {} export default class {}`,
  'modules.ts': `import def, { a as b, type T } from 'm'; import * as ns from 'n'; import type { U } from 'u'; import eq = require('eq'); import alias = ns.inner; export { b, ns as renamed }; export * from 'all'; export * as star from 'star'; export const c: T = def(b, eq, alias); export function fn(): U { return c; } export let [d1, { d2 }] = [c]; const User = 1; import { User as UserType } from 'x'; export type { UserType };`,
  'types.ts': `enum E { A, B = A } const enum CE { X } namespace N { export const v = 1; namespace Inner { v; } } declare module 'mod' { const m: number; } declare const dc: number; declare function df(): void; type Alias<T> = { k: T; q: typeof dc }; interface I extends Alias<E> { n: N.v } let t: I; t = null!; const sat = {} satisfies object; const as = dc as unknown as E; function over(a: string): void; function over(a: any) { return a; } abstract class Abs { abstract m(): void; } E; CE; N; Abs; over; as; sat;`,
  'switch-scopes.ts': `const key = 1; switch (key) { case 1: { let key = 2; key; break; } default: const d = key; d; } for (let i = 0; i < 3; i++) setTimeout(() => i); for (const x of [1]) { const y = x; y; } label: { break label; }`,
  'jsx.tsx': `import React from 'react'; const Comp = ({ items }: { items: string[] }) => <ul>{items.map((i) => <li key={i}>{i}</li>)}<Comp.Sub x={Comp} /><></></ul>; export const el = <Comp items={[]} />; const ns = <a:b c="d" />;`,
  'plain.js': `'use strict'; var self = this; function outer() { var self = 1; return function () { return self + arguments.length; }; } module.exports = { outer, self }; exports.x = require('x'); let o = { m() { return o; }, get g() { return 1; }, ['k' + 1]: 2, ...rest }; o?.m?.(); function Ctor() { return new.target; } Ctor;`,
  'queries.ts': `const users = await prisma.user.findMany({ where: { active: true } }); export const n = users.length; for (const u of users) { await prisma.post.findMany({ where: { authorId: u.id } }); } let total = 0; users.forEach((u) => { total += u.age; }); export { total };`,
};

describe('the Program crawl (lib/crawl.ts)', () => {
  // Installed only on the @babel/traverse minor version it was checked against (lib/crawl.ts TESTED_BABEL): after a
  // babel upgrade this fails until the comparisons below pass on the new version and TESTED_BABEL names it.
  it('is installed, so runs crawl with it', () => {
    transformSource('const a = 1;\n', 'a.ts', { rules: [], ruleOptions: {}, applyTiers: new Set(['safe']) });
    expect(crawlInstalled()).toBe(true);
  });

  it.each(Object.entries(FORMS))('leaves what babel’s crawl leaves: %s', (file, source) => {
    const { babel, pushdown, contexts } = bothCrawls(source, file);
    expect(babel.filter((l) => l.startsWith('  binding')).length).toBeGreaterThan(2);
    // The two crawls really differ in how they walk (the one field they are allowed to differ in)...
    expect(contexts).toEqual([true, false]);
    // ...and in nothing they leave on the scopes.
    expect(pushdown).toEqual(babel);
  });

  it('leaves what babel’s crawl leaves on every fixture input and example app source', () => {
    const files = fixtureInputs().map((f) => f.file);
    const examples = join(import.meta.dirname, '..', 'examples');
    const walkDir = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walkDir(p);
        else if (/\.[cm]?[jt]sx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
      }
    };
    walkDir(examples);
    expect(files.length).toBeGreaterThan(100);
    let references = 0;
    for (const file of files) {
      const { babel, pushdown } = bothCrawls(readFileSync(file, 'utf8'), file);
      expect(pushdown, file).toEqual(babel);
      references += babel.filter((l) => l.startsWith('    refs ') && l.length > 10).length;
    }
    expect(references).toBeGreaterThan(500);
  });
});
