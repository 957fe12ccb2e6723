/**
 * babel's CommonJS packages, required (lib/require.ts says why) and only when
 * first used: every module that needs a value from @babel/parser,
 * @babel/traverse or @babel/types takes it from here; types still come from
 * `import type`.
 *
 * Loading them costs: @babel/types ~70 ms, @babel/traverse ~90 ms more (it
 * brings @babel/generator and @babel/template), @babel/parser ~25 ms. A run
 * that parses nothing (every file answered from the --cache, or no file the
 * prefilter lets through) loads none of them.
 */
import type * as Parser from '@babel/parser';
import type { TraverseOptions } from '@babel/traverse';
import type * as Types from '@babel/types';
import type { Node } from '@babel/types';
import { commonjs } from './require.js';

let parserLib: typeof Parser | undefined;
const parser = (): typeof Parser => (parserLib ??= commonjs.require('@babel/parser') as typeof Parser);

export const parse: typeof Parser.parse = (input, options) => parser().parse(input, options);
export const parseExpression: typeof Parser.parseExpression = (input, options) => parser().parseExpression(input, options);

type TraverseFn = (parent: Node, opts: TraverseOptions, scope?: undefined, state?: unknown) => void;

export interface BabelTraverse {
  /** @babel/traverse's function (its CommonJS `default`), with its own properties (`cache`). */
  traverse: TraverseFn;
  /** babel's scope class, for the engine's crawl hooks. */
  Scope: { prototype: Record<string, unknown> };
  /** babel's NodePath class (lib/crawl.ts makes paths with its `get`, as a traversal does). */
  NodePath: { prototype: Record<string, unknown>; get(opts: object): unknown };
}

let traverseLib: BabelTraverse | undefined;

/** @babel/traverse, loaded on first call. */
export function babelTraverse(): BabelTraverse {
  if (traverseLib) return traverseLib;
  const mod = commonjs.require('@babel/traverse') as { default: unknown; Scope: unknown; NodePath: unknown };
  traverseLib = { traverse: mod.default as TraverseFn, Scope: mod.Scope as BabelTraverse['Scope'], NodePath: mod.NodePath as BabelTraverse['NodePath'] };
  return traverseLib;
}

let keys: Record<string, readonly string[] | undefined> | undefined;

/** @babel/types' VISITOR_KEYS: the child properties @babel/traverse walks, per node type. */
export function visitorKeys(): Record<string, readonly string[] | undefined> {
  return (keys ??= (commonjs.require('@babel/types') as typeof Types).VISITOR_KEYS as Record<string, readonly string[] | undefined>);
}
