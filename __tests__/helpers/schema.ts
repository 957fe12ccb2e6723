/**
 * The facts fixtures are checked against: for Prisma, test/prisma/schema.prisma
 * read by pushdown's own schema reader (once per test process); for MikroORM,
 * the @Entity classes of test/mikro-orm/entities.ts; and rule
 * read by pushdown's own schema reader (once per test process); for TypeORM,
 * the entity classes of test/typeorm/entities.ts; and rule
 * options that switch on one ORM plugin with its facts, as the runner would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrmFacts } from '../../lib/orm/core/facts.js';
import { modelsFrom, readEntityClasses } from '../../lib/orm/mikro-orm/entities.js';
import { readPrismaSchema } from '../../lib/orm/prisma/schema.js';
import * as sequelizeFacts from '../../lib/orm/sequelize/facts.js';
import * as mongooseFacts from '../../lib/orm/mongoose/facts.js';
import { FACTS_KEY, TypeormProject } from '../../lib/orm/typeorm/project.js';
import { readTables } from '../../lib/orm/drizzle/tables.js';
import { defaultRuleOptions, type RuleOptions } from '../../lib/rule.js';

let cached: OrmFacts | undefined;

export function fixtureSchema(): OrmFacts | undefined {
  cached ??= readPrismaSchema(join(import.meta.dirname, '..', '..', 'test', 'prisma', 'schema.prisma'));
  return cached;
}

const testFile = (rel: string): string => readFileSync(join(import.meta.dirname, '..', '..', 'test', rel), 'utf8');
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

let drizzleCached: OrmFacts | undefined;

/** test/drizzle/schema.ts, read by the Drizzle plugin's own table reader. */
export function drizzleFixtureFacts(): OrmFacts {
  const path = join(import.meta.dirname, '..', '..', 'test', 'drizzle', 'schema.ts');
  const file = readTables(readFileSync(path, 'utf8'));
  drizzleCached ??= { source: path, provider: file.provider, models: new Map(file.models.map((m) => [m.codeName, m])) };
  return drizzleCached;
}

/** Facts for an ORM's fixtures, by plugin id; other plugins register theirs here. */
let mikro: OrmFacts | undefined;

/** For MikroORM: test/mikro-orm/entities.ts, read as the plugin reads any project's @Entity classes. */
export function mikroOrmFixtureFacts(): OrmFacts {
  const path = join(import.meta.dirname, '..', '..', 'test', 'mikro-orm', 'entities.ts');
  mikro ??= { source: path, models: modelsFrom(new Map(readEntityClasses(readFileSync(path, 'utf8')).map((c) => [c.name, c]))) };
  return mikro;
}

const fixtureFacts: Record<string, () => OrmFacts | undefined> = {
  prisma: fixtureSchema,
  // Read from test/sequelize/models.ts by the plugin's own reader, as the runner would.
  sequelize: () => sequelizeFacts.factsOf(sequelizeFacts.readModels(testFile('sequelize/models.ts')), 'test/sequelize/models.ts'),
  mongoose: () => mongooseFacts.factsOf(mongooseFacts.readModels(testFile('mongoose/models.ts')), 'test/mongoose/models.ts'),
  'mikro-orm': mikroOrmFixtureFacts,
  typeorm: typeormEntities,
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
