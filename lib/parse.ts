/**
 * Parser by file extension (next-codemod's createParserFromPath): `ts` for
 * .ts/.mts/.cts, `tsx` for .tsx, babel with jsx for .js/.jsx/.mjs/.cjs.
 * Never the tsx parser on a .ts file: `<T>x` casts would break.
 *
 * The AST is babel's, used as is: pushdown edits text, not trees, so it never
 * needs recast's copy of the tree nor its printer.
 */
import { parse as babelParse, parseExpression } from './babel.js';
import type { ParserPlugin, ParserOptions } from '@babel/parser';
import type { Expression, File } from '@babel/types';

export type ParserName = 'ts' | 'tsx' | 'babel';

const common: ParserPlugin[] = [
  'asyncGenerators',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'decoratorAutoAccessors',
  'dynamicImport',
  'exportDefaultFrom',
  'exportNamespaceFrom',
  'importAttributes',
  'importMeta',
  'logicalAssignment',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  'topLevelAwait',
  'explicitResourceManagement',
];

const plugins: Record<ParserName, ParserPlugin[]> = {
  ts: [...common, 'typescript', 'decorators-legacy'],
  tsx: [...common, 'typescript', 'jsx', 'decorators-legacy'],
  babel: [...common, 'jsx', ['decorators', { decoratorsBeforeExport: false }]],
};

export function parserForPath(filePath: string): ParserName {
  const dot = filePath.lastIndexOf('.');
  const ext = dot === -1 ? '' : filePath.slice(dot + 1).toLowerCase();
  if (ext === 'tsx') return 'tsx';
  if (ext === 'ts' || ext === 'mts' || ext === 'cts') return 'ts';
  return 'babel';
}

function options(parser: ParserName, filePath: string): ParserOptions {
  const ext = filePath.slice(filePath.lastIndexOf('.') + 1).toLowerCase();
  return {
    // .cjs is a script in Node; everything else may be a module. `unambiguous`
    // lets a CommonJS .js file with a `with` statement or octal literal parse too.
    sourceType: ext === 'cjs' ? 'script' : ext === 'js' || ext === 'jsx' ? 'unambiguous' : 'module',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowUndeclaredExports: true,
    errorRecovery: false,
    plugins: plugins[parser],
  };
}

export class SourceParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SourceParseError';
  }
}

/** Parse `source` with the parser its path calls for. Throws SourceParseError with a 1-based position. */
export function parseSource(source: string, filePath: string, parser: ParserName = parserForPath(filePath)): File {
  try {
    return babelParse(source, options(parser, filePath)) as unknown as File;
  } catch (err) {
    const e = err as { message?: string; loc?: { line: number; column: number } };
    const message = (e.message ?? String(err)).replace(/\s*\(\d+:\d+\)$/, '');
    throw new SourceParseError(message, e.loc?.line, e.loc ? e.loc.column + 1 : undefined);
  }
}

/** A snippet of code (emitted or cut from a file) as one TypeScript expression; undefined when it is not one. */
export function parseSnippet(code: string, allowAwait = false): Expression | undefined {
  try {
    return parseExpression(code, { plugins: ['typescript'], ...(allowAwait ? { allowAwaitOutsideFunction: true } : {}) });
  } catch {
    return undefined;
  }
}
