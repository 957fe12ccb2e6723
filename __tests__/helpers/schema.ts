/**
 * The facts fixtures are checked against: for Prisma, test/prisma/schema.prisma
 * read by pushdown's own schema reader (once per test process); and rule
 * options that switch on one ORM plugin with its facts, as the runner would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrmFacts } from '../../lib/orm/core/facts.js';
import { readPrismaSchema } from '../../lib/orm/prisma/schema.js';
import { readTables } from '../../lib/orm/drizzle/tables.js';
import { defaultRuleOptions, type RuleOptions } from '../../lib/rule.js';

let cached: OrmFacts | undefined;

export function fixtureSchema(): OrmFacts | undefined {
  cached ??= readPrismaSchema(join(import.meta.dirname, '..', '..', 'test', 'prisma', 'schema.prisma'));
  return cached;
}

let drizzleCached: OrmFacts | undefined;

/** test/drizzle/schema.ts, read by the Drizzle plugin's own table reader. */
export function drizzleFixtureFacts(): OrmFacts {
  const path = join(import.meta.dirname, '..', '..', 'test', 'drizzle', 'schema.ts');
  const file = readTables(readFileSync(path, 'utf8'));
  drizzleCached ??= { source: path, provider: file.provider, models: new Map(file.models.map((m) => [m.codeName, m])) };
  return drizzleCached;
}

/** Facts for an ORM's fixtures, by plugin id; other plugins register theirs here. */
const fixtureFacts: Record<string, () => OrmFacts | undefined> = {
  prisma: fixtureSchema,
  drizzle: drizzleFixtureFacts,
};

export interface OrmTestOptions {
  /** The facts; `null`: none (as when no schema is found). Default: the ORM's fixture facts. */
  facts?: OrmFacts | null;
  flags?: Record<string, boolean>;
  /** Other rule options (batchSize, clientNames, queryHooks). */
  rest?: Partial<RuleOptions>;
}

/** Rule options with only `orm` active, as the runner builds them for a file. */
export function ormRuleOptions(orm: string, opts: OrmTestOptions = {}): RuleOptions {
  const facts = opts.facts === null ? undefined : (opts.facts ?? fixtureFacts[orm]?.());
  return {
    ...defaultRuleOptions,
    ...opts.rest,
    orms: [orm],
    orm: { [orm]: { ...(facts ? { facts } : {}), ...(opts.flags ? { flags: opts.flags } : {}) } },
  };
}
