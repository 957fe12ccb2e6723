/**
 * The schema facts fixtures are checked against: test/prisma/schema.prisma,
 * read by pushdown's own schema reader once it exists.
 */
import type { SchemaInfo } from '../../lib/schema.js';

export function fixtureSchema(): SchemaInfo | undefined {
  return undefined;
}
