/**
 * The facts fixtures are checked against: for Prisma, test/prisma/schema.prisma
 * read by pushdown's own schema reader (once per test process); and rule
 * options that switch on one ORM plugin with its facts, as the runner would.
 */
import { join } from 'node:path';
import type { OrmFacts } from '../../lib/orm/core/facts.js';
import { readPrismaSchema } from '../../lib/orm/prisma/schema.js';
import { defaultRuleOptions, type RuleOptions } from '../../lib/rule.js';

let cached: OrmFacts | undefined;

export function fixtureSchema(): OrmFacts | undefined {
  cached ??= readPrismaSchema(join(import.meta.dirname, '..', '..', 'test', 'prisma', 'schema.prisma'));
  return cached;
}

/** Facts for an ORM's fixtures, by plugin id; other plugins register theirs here. */
const fixtureFacts: Record<string, () => OrmFacts | undefined> = {
  prisma: fixtureSchema,
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
