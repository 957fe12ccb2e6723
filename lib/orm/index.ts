/** The dialects pushdown knows, and the text prefilter built from them. */
import { prismaDialect } from './prisma.js';
import type { Dialect } from './types.js';

export const dialects: readonly Dialect[] = [prismaDialect];

/** A file whose text names none of these methods is never parsed. */
export function prefilterPattern(list: readonly Dialect[] = dialects): RegExp {
  const names = [...new Set(list.flatMap((d) => d.methodNames))].sort();
  return new RegExp(`\\b(?:${names.join('|')})\\b`);
}
