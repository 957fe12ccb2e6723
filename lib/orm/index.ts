/** The dialects pushdown knows, and the text prefilter built from them. */
import { prismaDialect } from './prisma.js';
import type { Dialect } from './types.js';

export const dialects: readonly Dialect[] = [prismaDialect];

/**
 * A file whose text calls none of these methods (`.findMany(`, `.findMany<T>(`,
 * `?.findMany(`) is never parsed. A file that only defines or mentions one is
 * skipped too: no rule could match it.
 */
export function prefilterPattern(list: readonly Dialect[] = dialects): RegExp {
  const names = [...new Set(list.flatMap((d) => d.methodNames))].sort();
  return new RegExp(`\\.\\s*(?:${names.join('|')})\\s*(?:\\(|<|\\?\\.)`);
}
