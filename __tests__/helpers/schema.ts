/**
 * The schema facts fixtures are checked against: test/prisma/schema.prisma,
 * read by pushdown's own schema reader (once per test process).
 */
import { join } from 'node:path';
import { readPrismaSchema } from '../../lib/orm/prisma-schema.js';
import type { SchemaInfo } from '../../lib/schema.js';

let cached: SchemaInfo | undefined;

export function fixtureSchema(): SchemaInfo | undefined {
  cached ??= readPrismaSchema(join(import.meta.dirname, '..', '..', 'test', 'prisma', 'schema.prisma'));
  return cached;
}
