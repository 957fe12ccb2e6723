// Every review reason that depends on the database engine, DEMONSTRATED on
// the real engines: what the JavaScript computes and what the query pushdown
// emits for it computes, on the same seeded database (test/prisma/seed.ts),
// must differ exactly on the engines the reason names, and agree on the
// others. A reason that stops showing (or starts showing elsewhere) fails
// here, so the tiers and messages in lib/orm/prisma/ stay honest.
//
// SQLite always runs; PostgreSQL and MariaDB when `npm run db:up` is up
// (skipped with the reason otherwise, failed under PUSHDOWN_REQUIRE_SERVERS=1).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { DIFFERENCE_KINDS, type DifferenceKind, KNOWN_DIFFERENCES } from '../test/prisma/engine-differences.js';
import { FIXTURES_DIR } from '../test/prisma/fixtures.js';
import { findRule } from '../transforms/index.js';
import { fixtureSchema, ormRuleOptions } from './helpers/schema.js';
import { serversRequired } from '../test/db/servers.js';
import type { PrismaClient } from '../test/prisma/client.js';
import { findDifference } from '../test/shared/compare.js';
import { type EngineName, lookUpEngine, PROVIDER_OF, type ProofEngine, type Side } from '../test/prisma/engines.js';
import { RUN_TIMEOUT_MS } from '../test/prisma/proof.js';

const ENGINES: readonly EngineName[] = ['sqlite', 'postgresql', 'mariadb'];

interface Demonstration {
  /** The review reason, as the edit's message gives it. */
  reason: string;
  /** Engines where the JavaScript and the query disagree. */
  differsOn: readonly EngineName[];
  /** Engines the reason cannot arise on (e.g. a value the column cannot store there); not run. */
  notApplicable?: Partial<Record<EngineName, string>>;
  /** Writes what Prisma cannot (raw SQL per engine), before both forms run. */
  prepare?: (side: Side, engine: EngineName) => Promise<void>;
  /** The original: rows loaded, the work done in JavaScript. */
  javascript(prisma: PrismaClient): Promise<unknown>;
  /** The rewrite: the work done by the database. */
  database(prisma: PrismaClient): Promise<unknown>;
}

const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id);
const byId = { orderBy: { id: 'asc' } } as const;

const DEMONSTRATIONS: Demonstration[] = [
  {
    reason: "string equality follows the collation: MySQL/MariaDB _ci collations ignore case and accents, PAD SPACE ones trailing spaces ('Bob' = 'bob', 'emile' = 'Émile', 'Mallory' = 'Mallory ')",
    differsOn: ['mariadb'],
    async javascript(prisma) {
      const users = await prisma.user.findMany(byId);
      return ['Bob', 'emile', 'Mallory'].map((name) => ids(users.filter((u) => u.name === name)));
    },
    async database(prisma) {
      return Promise.all(['Bob', 'emile', 'Mallory'].map(async (name) => ids(await prisma.user.findMany({ ...byId, where: { name } }))));
    },
  },
  {
    reason:
      "string order follows the collation: PostgreSQL's en_US.UTF-8 and MariaDB's _ci collations sort 'apple pie' and 'Éclair' before 'H'; SQLite compares UTF-8 bytes, so '😀' sorts after U+FF5A where JavaScript's UTF-16 comparison sorts it before",
    differsOn: ['sqlite', 'postgresql', 'mariadb'],
    async javascript(prisma) {
      const posts = await prisma.post.findMany(byId);
      return ['H', '\uFF5A'].map((bound) => ids(posts.filter((p) => p.title < bound)));
    },
    async database(prisma) {
      return Promise.all(['H', '\uFF5A'].map(async (bound) => ids(await prisma.post.findMany({ ...byId, where: { title: { lt: bound } } }))));
    },
  },
  {
    reason:
      'float sums depend on the order and the method of adding: JavaScript adds left to right in the order rows were loaded; SUM adds in storage order (PostgreSQL, MariaDB) or with compensated summation (SQLite)',
    differsOn: ['sqlite', 'postgresql', 'mariadb'],
    async javascript(prisma) {
      return (await prisma.user.findMany({ orderBy: [{ age: 'asc' }, { id: 'asc' }] })).reduce((s, u) => s + u.score, 0);
    },
    async database(prisma) {
      return (await prisma.user.aggregate({ _sum: { score: true } }))._sum.score ?? 0;
    },
  },
  {
    reason: 'a NaN in a Float column: Math.min returns NaN, while PostgreSQL ranks NaN above every number, so MIN skips it',
    differsOn: ['postgresql'],
    notApplicable: { sqlite: 'SQLite stores NaN as NULL (the column is NOT NULL)', mariadb: 'MariaDB DOUBLE columns cannot hold NaN' },
    prepare: (side) => side.exec(`UPDATE "User" SET "score" = 'NaN' WHERE "id" = 1`),
    async javascript(prisma) {
      return Math.min(...(await prisma.user.findMany()).map((u) => u.score));
    },
    async database(prisma) {
      return (await prisma.user.aggregate({ _min: { score: true } }))._min.score;
    },
  },
  {
    reason: 'rows that tie on a non-unique order: with LIMIT 1 (findFirst) PostgreSQL and MariaDB return another tied row than first in the full sort',
    differsOn: ['postgresql', 'mariadb'],
    async javascript(prisma) {
      return [
        (await prisma.post.findMany({ orderBy: { views: 'asc' } }))[0]?.id,
        (await prisma.user.findMany({ orderBy: { bonus: 'desc' } }))[0]?.id,
      ];
    },
    async database(prisma) {
      return [(await prisma.post.findFirst({ orderBy: { views: 'asc' } }))?.id, (await prisma.user.findFirst({ orderBy: { bonus: 'desc' } }))?.id];
    },
  },
];

const opened = new Map<EngineName, Promise<ProofEngine>>();
/** Opens each engine once, on first use; or says why it is not available. */
function engineFor(name: EngineName): (() => Promise<ProofEngine>) | string {
  const lookup = lookUpEngine(name);
  if (!lookup.ok) return lookup.reason;
  return () => {
    if (!opened.has(name)) opened.set(name, lookup.open());
    return opened.get(name)!;
  };
}

afterAll(async () => {
  await Promise.allSettled([...opened.values()].map(async (e) => (await e).close()));
});

describe('engine disagreements behind the review tiers', () => {
  for (const demo of DEMONSTRATIONS) {
    describe(demo.reason, () => {
      for (const name of ENGINES) {
        const notApplicable = demo.notApplicable?.[name];
        if (notApplicable) {
          test.skip(`${name}: not applicable: ${notApplicable}`, () => undefined);
          continue;
        }
        const differs = demo.differsOn.includes(name);
        const engine = engineFor(name);
        if (typeof engine === 'string') {
          if (serversRequired) test(`${name}: server is up`, () => expect.fail(engine));
          else test.skip(`${name}: not run: ${engine}`, () => undefined);
          continue;
        }
        test(
          `${name}: JavaScript and database ${differs ? 'differ' : 'agree'}`,
          async () => {
            const side = await (await engine()).fresh();
            let dump;
            try {
              await demo.prepare?.(side, name);
              const inJs = await demo.javascript(side.prisma);
              const inDb = await demo.database(side.prisma);
              const difference = findDifference(inJs, inDb);
              if (differs) {
                expect(difference, `expected ${name} to disagree with JavaScript (${demo.reason}); both gave ${JSON.stringify(inJs)}`).not.toBeNull();
                console.info(`[disagreement] ${name}: ${difference}`);
              } else {
                expect(difference, `expected ${name} to agree with JavaScript`).toBeNull();
              }
              dump = await side.dump();
            } finally {
              await side.dispose(dump);
            }
          },
          RUN_TIMEOUT_MS,
        );
      }
    });
  }
});

/** What the edit's message must say for each kind of difference, so a reviewer knows what to check. */
const MESSAGE_SAYS: Record<DifferenceKind, RegExp> = {
  'collation-equality': /_ci|case-insensitive/,
  'collation-order': /collation|UTF-8 bytes/,
  'float-sum': /adds the floats|summation/,
  'order-ties': /tie/,
};

describe('a rewrite that differs on an engine is review for its provider', () => {
  for (const d of KNOWN_DIFFERENCES) {
    const [rule] = d.fixture.split('/');
    test(`${d.fixture} on ${d.engine} (${PROVIDER_OF[d.engine]}): ${d.kinds.map((k) => DIFFERENCE_KINDS[k]).join('; ')}`, () => {
      const file = join(FIXTURES_DIR, `${d.fixture}.input.ts`);
      const base = fixtureSchema();
      if (!base) throw new Error('no fixture schema');
      const result = transformSource(readFileSync(file, 'utf8'), file, {
        rules: [findRule(rule!)!],
        ruleOptions: ormRuleOptions('prisma', { facts: { ...base, provider: PROVIDER_OF[d.engine] } }),
        applyTiers: new Set(['safe', 'review']),
      });
      expect(result.edits.length).toBeGreaterThan(0);
      for (const edit of result.edits) expect(`${edit.tier}: ${edit.message}`).toMatch(/^review: /);
      for (const kind of d.kinds) expect(result.edits.some((e) => MESSAGE_SAYS[kind].test(e.message)), `an edit message names ${DIFFERENCE_KINDS[kind]}`).toBe(true);
    });
  }
});
