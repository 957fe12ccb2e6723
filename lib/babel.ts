/**
 * babel's CommonJS packages, required (lib/require.ts says why): every module
 * that needs a value from @babel/parser, @babel/traverse or @babel/types takes
 * it from here; types still come from `import type`.
 */
import type * as Parser from '@babel/parser';
import type { TraverseOptions } from '@babel/traverse';
import type * as Types from '@babel/types';
import type { Node } from '@babel/types';
import { commonjs } from './require.js';

const parser = commonjs.require('@babel/parser') as typeof Parser;
const traverseModule = commonjs.require('@babel/traverse') as { default: unknown; Scope: unknown };
const types = commonjs.require('@babel/types') as typeof Types;

export const { parse, parseExpression } = parser;

type TraverseFn = (parent: Node, opts: TraverseOptions) => void;
/** @babel/traverse's function (its CommonJS `default`). */
export const traverse = traverseModule.default as TraverseFn;
/** babel's scope class, for the engine's crawl hooks. */
export const Scope = traverseModule.Scope as unknown as { prototype: Record<string, unknown> };

export const { VISITOR_KEYS } = types;
