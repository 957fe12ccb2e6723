/**
 * babel's CommonJS packages, loaded with `require` rather than `import`.
 *
 * An ESM `import` of a CommonJS package makes Node lex the package's source to
 * find its named exports, and follow every re-export (@babel/types re-exports
 * ~80 files): ~0.1 s of a cold start, more than parsing a file. `require` skips
 * that. Every module that needs a value from @babel/parser, @babel/traverse or
 * @babel/types takes it from here; types still come from `import type`.
 *
 * The `require` is made from this file's own location, read from the call
 * stack rather than from `import.meta.url`: the jscodeshift CLI compiles the
 * built rule files to CommonJS under @babel/register, where `import.meta` is a
 * syntax error, and a stack frame names the file in every loader (ESM, that
 * CommonJS compile, vitest).
 */
import { createRequire } from 'node:module';
import type * as Parser from '@babel/parser';
import type { TraverseOptions } from '@babel/traverse';
import type * as Types from '@babel/types';
import type { Node } from '@babel/types';

function ownFile(): string {
  const saved = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_err, frames) => frames;
    const frames = new Error().stack as unknown as NodeJS.CallSite[];
    const name = frames[0]?.getFileName();
    if (name === undefined || name === null) throw new Error('pushdown: cannot tell where lib/babel is loaded from');
    return name;
  } finally {
    Error.prepareStackTrace = saved;
  }
}

const load = createRequire(ownFile());

const parser = load('@babel/parser') as typeof Parser;
const traverseModule = load('@babel/traverse') as { default: unknown; Scope: unknown };
const types = load('@babel/types') as typeof Types;

export const { parse, parseExpression } = parser;

type TraverseFn = (parent: Node, opts: TraverseOptions) => void;
/** @babel/traverse's function (its CommonJS `default`). */
export const traverse = traverseModule.default as TraverseFn;
/** babel's scope class, for the engine's crawl hooks. */
export const Scope = traverseModule.Scope as unknown as { prototype: Record<string, unknown> };

export const { VISITOR_KEYS } = types;
