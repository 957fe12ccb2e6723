/**
 * The facts fixtures are checked against: for Prisma, test/prisma/schema.prisma
 * read by pushdown's own schema reader (once per test process); for TypeORM,
 * the entity classes of test/typeorm/entities.ts; and rule
 * options that switch on one ORM plugin with its facts, as the runner would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrmFacts } from '../../lib/orm/core/facts.js';
import { readPrismaSchema } from '../../lib/orm/prisma/schema.js';
import { FACTS_KEY, TypeormProject } from '../../lib/orm/typeorm/project.js';
import { defaultRuleOptions, type RuleOptions } from '../../lib/rule.js';

let cached: OrmFacts | undefined;

export function fixtureSchema(): OrmFacts | undefined {
  cached ??= readPrismaSchema(join(import.meta.dirname, '..', '..', 'test', 'prisma', 'schema.prisma'));
  return cached;
}

let typeormCached: OrmFacts | undefined;

/** For TypeORM, the entity classes of test/typeorm/entities.ts, read as the runner reads a project's. */
export function typeormEntities(): OrmFacts | undefined {
  if (!typeormCached) {
    const root = join(import.meta.dirname, '..', '..');
    const project = new TypeormProject({ cwd: root });
    project.observe(readFileSync(join(root, 'test', 'typeorm', 'entities.ts'), 'utf8'));
    typeormCached = project.facts()[FACTS_KEY];
  }
  return typeormCached;
}

/** Facts for an ORM's fixtures, by plugin id; other plugins register theirs here. */
const fixtureFacts: Record<string, () => OrmFacts | undefined> = {
  prisma: fixtureSchema,
  typeorm: typeormEntities,
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
