/**
 * A `require` for pushdown's CommonJS dependencies (babel, picomatch, ignore,
 * picocolors), in place of an ESM `import`.
 *
 * An ESM `import` of a CommonJS package makes Node start its CommonJS lexer and
 * lex the package's source to find its named exports, following every
 * re-export (@babel/types re-exports ~80 files): ~0.1 s of a cold start, more
 * than parsing a file. `require` skips all of it. Types still come from
 * `import type`.
 *
 * The `require` is made from this file's own location, read from the call
 * stack rather than from `import.meta.url`: the jscodeshift CLI compiles the
 * built rule files to CommonJS under @babel/register, where `import.meta` is a
 * syntax error, and a stack frame names the file in every loader (ESM, that
 * CommonJS compile, vitest).
 */
import { createRequire } from 'node:module';

function ownFile(): string {
  const saved = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_err, frames) => frames;
    const frames = new Error().stack as unknown as NodeJS.CallSite[];
    const name = frames[0]?.getFileName();
    if (name === undefined || name === null) throw new Error('pushdown: cannot tell where lib/require is loaded from');
    return name;
  } finally {
    Error.prepareStackTrace = saved;
  }
}

/** `commonjs.require('picomatch')`: a plain `require(...)` call to a reader (and to __tests__/package.test.ts). */
export const commonjs = { require: createRequire(ownFile()) };
