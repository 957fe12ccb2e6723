// Real-database proof for every Prisma rewrite fixture.
//
// Each __testfixtures__/<rule>/prisma/<case>.input.ts with a .output.ts is a
// module exporting `run(prisma, ...args)` and, optionally, `cases` (argument
// lists; default [[]]). For every argument list, input and output each run
// against their own fresh copy of the seeded SQLite database; what they
// return (or throw) and the database they leave behind must match exactly
// (see test/prisma/compare.ts). A rewrite fixture without `run` fails: a
// rewrite that is not proven is a defect.
//
// Setup (prisma generate, seeded template) is the vitest globalSetup in
// test/prisma/global-setup.ts; seed rows are listed in test/prisma/seed.ts.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inspect } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openPrisma, Prisma, type PrismaClient } from '../test/prisma/client.js';
import { findDifference, findOutcomeDifference, formatOutcome, type Outcome } from '../test/prisma/compare.js';
import { findPrismaRewriteFixtures, type RewriteFixture } from '../test/prisma/fixtures.js';
import { seedPosts, seedUsers } from '../test/prisma/seed.js';
import { dumpDatabase, freshCopy, REPO_ROOT } from '../test/prisma/setup.js';

/** Generous: the first client in a worker compiles Prisma's query-compiler wasm. */
const RUN_TIMEOUT_MS = 30_000;

const workDir = mkdtempSync(join(tmpdir(), 'pushdown-realdb-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type RunFn = (prisma: PrismaClient, ...args: unknown[]) => unknown;

interface RunnableModule {
  run: RunFn;
  cases: unknown[][];
}

interface SideResult {
  outcome: Outcome;
  database: Record<string, unknown[]>;
}

const rel = (path: string): string => relative(REPO_ROOT, path);

/** Checks the exports a rewrite fixture must have; returns the module or the problems found. */
function asRunnable(mod: Record<string, unknown>, file: string): RunnableModule | string[] {
  const problems: string[] = [];
  if (typeof mod.run !== 'function') {
    problems.push(`${rel(file)}: no exported function run(prisma, ...args); every rewrite fixture must be runnable`);
  }
  let cases: unknown[][] = [[]];
  if (mod.cases !== undefined) {
    if (Array.isArray(mod.cases) && mod.cases.length > 0 && mod.cases.every((c) => Array.isArray(c))) {
      cases = mod.cases as unknown[][];
    } else {
      problems.push(`${rel(file)}: cases must be a non-empty array of argument arrays, e.g. [[0], [30]]; got ${inspect(mod.cases)}`);
    }
  }
  return problems.length > 0 ? problems : { run: mod.run as RunFn, cases };
}

async function runOnFreshCopy(run: RunFn, args: unknown[]): Promise<SideResult> {
  const dbPath = freshCopy(workDir);
  const prisma = openPrisma(dbPath);
  let outcome: Outcome;
  try {
    outcome = { kind: 'returned', value: await run(prisma, ...args) };
  } catch (error) {
    outcome = { kind: 'threw', error };
  } finally {
    await prisma.$disconnect();
  }
  const database = dumpDatabase(dbPath);
  rmSync(dbPath, { force: true });
  return { outcome, database };
}

const argsLabel = (args: unknown[]): string => args.map((a) => inspect(a, { breakLength: Infinity, depth: 4 })).join(', ');

async function load(file: string): Promise<Record<string, unknown>> {
  return (await import(file)) as Record<string, unknown>;
}

const fixtures = findPrismaRewriteFixtures();

type Loaded =
  | { fixture: RewriteFixture; error: unknown }
  | { fixture: RewriteFixture; input: Record<string, unknown>; output: Record<string, unknown> };

const loaded: Loaded[] = await Promise.all(
  fixtures.map(async (fixture): Promise<Loaded> => {
    try {
      return { fixture, input: await load(fixture.input), output: await load(fixture.output) };
    } catch (error) {
      return { fixture, error };
    }
  }),
);

describe('real database: Prisma rewrite fixtures', () => {
  test('rewrite fixtures are found', () => {
    expect(fixtures.length, 'no __testfixtures__/*/prisma/*.input.ts with an .output.ts: discovery is broken').toBeGreaterThan(0);
  });

  for (const entry of loaded) {
    const { fixture } = entry;
    describe(fixture.id, () => {
      if ('error' in entry) {
        test('loads', () => {
          throw new Error(`${fixture.id}: cannot import input or output: ${entry.error instanceof Error ? entry.error.message : inspect(entry.error)}`, {
            cause: entry.error,
          });
        });
        return;
      }

      const input = asRunnable(entry.input, fixture.input);
      const output = asRunnable(entry.output, fixture.output);
      const problems = [...(Array.isArray(input) ? input : []), ...(Array.isArray(output) ? output : [])];
      if (!Array.isArray(input) && !Array.isArray(output)) {
        const casesDiffer = findDifference(input.cases, output.cases, 'cases');
        if (casesDiffer) problems.push(`input and output export different cases: ${casesDiffer}`);
      }

      test('exports run and cases', () => {
        if (problems.length > 0) expect.fail(problems.join('\n'));
      });
      if (Array.isArray(input) || Array.isArray(output) || problems.length > 0) return;

      input.cases.forEach((args, i) => {
        test(
          `case ${i}: run(${argsLabel(args)})`,
          async () => {
            // Each side gets its own argument objects (its own module's cases) and its own database.
            const before = await runOnFreshCopy(input.run, args);
            const after = await runOnFreshCopy(output.run, output.cases[i]!);
            const resultDiff = findOutcomeDifference(before.outcome, after.outcome);
            const dbDiff = findDifference(before.database, after.database, 'db');
            if (resultDiff === null && dbDiff === null) return;
            expect.fail(
              [
                `${fixture.id} run(${argsLabel(args)}): input and output ${resultDiff ? 'results' : 'database writes'} differ`,
                `  first difference: ${resultDiff ?? dbDiff}`,
                `  input  (${rel(fixture.input)}): ${formatOutcome(before.outcome)}`,
                `  output (${rel(fixture.output)}): ${formatOutcome(after.outcome)}`,
              ].join('\n'),
            );
          },
          RUN_TIMEOUT_MS,
        );
      });
    });
  }
});

describe('real database: harness self-checks', () => {
  test(
    'the seeded template reads back through Prisma exactly as seeded',
    async () => {
      const dbPath = freshCopy(workDir);
      const prisma = openPrisma(dbPath);
      try {
        const users = await prisma.user.findMany({ orderBy: { id: 'asc' } });
        const posts = await prisma.post.findMany({ orderBy: { id: 'asc' } });
        const expectedUsers = seedUsers.map((u) => ({ ...u, balance: new Prisma.Decimal(u.balance) }));
        expect(findDifference(users, expectedUsers, 'users')).toBeNull();
        expect(findDifference(posts, seedPosts, 'posts')).toBeNull();
      } finally {
        await prisma.$disconnect();
      }
    },
    RUN_TIMEOUT_MS,
  );

  test(
    'seeded rows are stored exactly as Prisma itself writes them',
    async () => {
      // Text comparison of DateTime filters depends on this (ISO text with +00:00).
      const dbPath = freshCopy(workDir);
      const prisma = openPrisma(dbPath);
      const { id: _u, ...user } = seedUsers[2]!;
      const { id: _p, ...post } = seedPosts[0]!;
      let created: { userId: number; postId: number };
      try {
        const u = await prisma.user.create({ data: { ...user, email: 'copy@example.com' } });
        const p = await prisma.post.create({ data: { ...post, authorId: u.id } });
        created = { userId: u.id, postId: p.id };
      } finally {
        await prisma.$disconnect();
      }
      const db = new Database(dbPath, { readonly: true });
      try {
        // column -> [SQLite storage class, stored value], for every column the copy shares with the seed row
        const storage = (table: string, id: number): Record<string, unknown> => {
          const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
            .map((c) => c.name)
            .filter((n) => n !== 'id' && n !== 'email' && n !== 'authorId');
          const row = db.prepare(`SELECT ${columns.map((c) => `typeof("${c}"), "${c}"`).join(', ')} FROM "${table}" WHERE id = ?`).raw().get(id) as unknown[];
          return Object.fromEntries(columns.map((c, i) => [c, [row[2 * i], row[2 * i + 1]]]));
        };
        expect(storage('User', created.userId)).toEqual(storage('User', seedUsers[2]!.id));
        expect(storage('Post', created.postId)).toEqual(storage('Post', seedPosts[0]!.id));
      } finally {
        db.close();
      }
    },
    RUN_TIMEOUT_MS,
  );

  test('results compare exactly', () => {
    expect(findDifference(null, undefined)).not.toBeNull();
    expect(findDifference({ a: undefined }, {})).not.toBeNull();
    expect(findDifference(3, 3n)).not.toBeNull();
    expect(findDifference(3, '3')).not.toBeNull();
    expect(findDifference(new Prisma.Decimal('1.5'), 1.5)).not.toBeNull();
    expect(findDifference(new Prisma.Decimal('1.50'), new Prisma.Decimal(1.5))).toBeNull();
    expect(findDifference(new Prisma.Decimal('1.5'), new Prisma.Decimal('1.51'))).not.toBeNull();
    expect(findDifference(new Date('2024-01-01T00:00:00Z'), new Date(Date.UTC(2024, 0, 1)))).toBeNull();
    expect(findDifference(new Date(0), new Date(1))).not.toBeNull();
    expect(findDifference(0.1 + 0.2, 0.3)).toBeNull();
    expect(findDifference(1, 1 + 1e-6)).not.toBeNull();
    expect(findDifference(10n ** 20n, 10n ** 20n)).toBeNull();
    expect(findDifference([{ a: 1, b: [1, 2] }], [{ b: [1, 2], a: 1 }])).toBeNull();
    expect(findDifference([1, 2], [2, 1])).toBe('$[0]: 1 vs 2');
    expect(findDifference({ posts: [1] }, { posts: [1, 2] })).toMatch(/^\$\.posts\.length: 1 vs 2/);
    expect(findOutcomeDifference({ kind: 'threw', error: new Error('x') }, { kind: 'returned', value: 0 })).not.toBeNull();
  });
});
