// The real-database proof, for any ORM: every rewrite fixture of that ORM
// (__testfixtures__/<rule>/<orm>/<case>.input.ts with a .output.ts) is a
// module exporting `run(client, ...args)` and, optionally, `cases` (argument
// lists; default [[]]). For every argument list, input and output each run
// against their own fresh copy of the seeded SQLite database; what they
// return (or throw) and the database they leave behind must match exactly
// (see compare.ts). A rewrite fixture without `run` fails: a rewrite that is
// not proven is a defect.
//
// Each ORM's test file supplies how to open its client on a database file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { findDifference, findOutcomeDifference, formatOutcome, type Outcome } from './compare.js';
import { findRewriteFixtures, REPO_ROOT, type RewriteFixture } from '../fixtures.js';
import { dumpDatabase, freshCopy } from './sqlite.js';

export type RunFn<C> = (client: C, ...args: unknown[]) => unknown;

export interface OpenedClient<C> {
  client: C;
  close(): Promise<void>;
}

export interface RealDbSuite<C> {
  /** The fixture folder name: `__testfixtures__/<rule>/<orm>/`. */
  orm: string;
  /** For messages: `prisma`, `dataSource`. */
  clientName: string;
  /** The seeded template every run copies. */
  template: () => string;
  open(dbPath: string): Promise<OpenedClient<C>>;
  /** Per test; generous, since the first client in a worker may compile or build metadata. */
  timeoutMs: number;
}

interface RunnableModule<C> {
  run: RunFn<C>;
  cases: unknown[][];
}

interface SideResult {
  outcome: Outcome;
  database: Record<string, unknown[]>;
}

const rel = (path: string): string => relative(REPO_ROOT, path);

/** Checks the exports a rewrite fixture must have; returns the module or the problems found. */
function asRunnable<C>(mod: Record<string, unknown>, file: string, clientName: string): RunnableModule<C> | string[] {
  const problems: string[] = [];
  if (typeof mod.run !== 'function') {
    problems.push(`${rel(file)}: no exported function run(${clientName}, ...args); every rewrite fixture must be runnable`);
  }
  let cases: unknown[][] = [[]];
  if (mod.cases !== undefined) {
    if (Array.isArray(mod.cases) && mod.cases.length > 0 && mod.cases.every((c) => Array.isArray(c))) {
      cases = mod.cases as unknown[][];
    } else {
      problems.push(`${rel(file)}: cases must be a non-empty array of argument arrays, e.g. [[0], [30]]; got ${inspect(mod.cases)}`);
    }
  }
  return problems.length > 0 ? problems : { run: mod.run as RunFn<C>, cases };
}

const argsLabel = (args: unknown[]): string => args.map((a) => inspect(a, { breakLength: Infinity, depth: 4 })).join(', ');

type Loaded =
  | { fixture: RewriteFixture; error: unknown }
  | { fixture: RewriteFixture; input: Record<string, unknown>; output: Record<string, unknown> };

/** Opens a fresh copy of the template, runs, closes, and dumps what the run left behind. */
export async function runOnFreshCopy<C>(suite: RealDbSuite<C>, workDir: string, run: RunFn<C>, args: unknown[]): Promise<SideResult> {
  const dbPath = freshCopy(workDir, suite.template());
  const opened = await suite.open(dbPath);
  let outcome: Outcome;
  try {
    outcome = { kind: 'returned', value: await run(opened.client, ...args) };
  } catch (error) {
    outcome = { kind: 'threw', error };
  } finally {
    await opened.close();
  }
  const database = dumpDatabase(dbPath);
  rmSync(dbPath, { force: true });
  return { outcome, database };
}

/** Declares the suite's tests: discovery, exports, and one before/after comparison per case. */
export async function describeRealDb<C>(suite: RealDbSuite<C>): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), `pushdown-realdb-${suite.orm}-`));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  const fixtures = findRewriteFixtures(suite.orm);
  const loaded: Loaded[] = await Promise.all(
    fixtures.map(async (fixture): Promise<Loaded> => {
      try {
        return { fixture, input: (await import(fixture.input)) as Record<string, unknown>, output: (await import(fixture.output)) as Record<string, unknown> };
      } catch (error) {
        return { fixture, error };
      }
    }),
  );

  describe(`real database: ${suite.orm} rewrite fixtures`, () => {
    test('rewrite fixtures are found', () => {
      expect(fixtures.length, `no __testfixtures__/*/${suite.orm}/*.input.ts with an .output.ts: discovery is broken`).toBeGreaterThan(0);
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

        const input = asRunnable<C>(entry.input, fixture.input, suite.clientName);
        const output = asRunnable<C>(entry.output, fixture.output, suite.clientName);
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
              const before = await runOnFreshCopy(suite, workDir, input.run, args);
              const after = await runOnFreshCopy(suite, workDir, output.run, output.cases[i]!);
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
            suite.timeoutMs,
          );
        });
      });
    }
  });
}
