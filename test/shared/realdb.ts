// The before/after runner every real-database suite shares (one per ORM:
// __tests__/realdb*.test.ts). A rewrite fixture is a module exporting
// `run(client, ...args)` and, optionally, `cases` (argument lists; default
// [[]]). For every argument list, input and output each run through
// `runSide` (which gives each its own fresh database and client); what they
// return (or throw) and the database they leave behind must match exactly
// (compare.ts). A rewrite fixture without `run` fails: a rewrite that is not
// proven is a defect.

import { relative } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { findDifference, findOutcomeDifference, formatOutcome, type Outcome } from './compare.js';
import { REPO_ROOT, type RewriteFixture } from '../fixtures.js';

export type RunFn = (client: never, ...args: unknown[]) => unknown;

export interface SideResult {
  outcome: Outcome;
  database: Record<string, unknown[]>;
}

/** Runs one side of a comparison on its own fresh database and returns what it did. */
export type RunSide = (run: RunFn, args: unknown[]) => Promise<SideResult>;

interface RunnableModule {
  run: RunFn;
  cases: unknown[][];
}

export type Loaded =
  | { fixture: RewriteFixture; error: unknown }
  | { fixture: RewriteFixture; input: Record<string, unknown>; output: Record<string, unknown> };

const rel = (path: string): string => relative(REPO_ROOT, path);

const argsLabel = (args: unknown[]): string => args.map((a) => inspect(a, { breakLength: Infinity, depth: 4 })).join(', ');

/** Checks the exports a rewrite fixture must have; returns the module or the problems found. */
function asRunnable(mod: Record<string, unknown>, file: string, clientName: string): RunnableModule | string[] {
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
  return problems.length > 0 ? problems : { run: mod.run as RunFn, cases };
}

/** Imports every fixture's input and output module (an import error is kept and reported as a failing test). */
export async function loadFixturePairs(fixtures: RewriteFixture[]): Promise<Loaded[]> {
  const load = async (file: string) => (await import(file)) as Record<string, unknown>;
  return Promise.all(
    fixtures.map(async (fixture): Promise<Loaded> => {
      try {
        return { fixture, input: await load(fixture.input), output: await load(fixture.output) };
      } catch (error) {
        return { fixture, error };
      }
    }),
  );
}

export interface SuiteOptions {
  /** How fixtures name the client in `run(<client>, ...args)`, for messages. */
  clientName: string;
  runSide: RunSide;
  timeoutMs: number;
  /** The engine, named in messages (none: the suite's only one). */
  engine?: string;
  /**
   * A difference the engine is known to show for case `i` of a fixture (a
   * review-tier rewrite it demonstrates): that case must then differ, and
   * fails when it no longer does (the list is stale).
   */
  expectedDifference?: (fixtureId: string, caseIndex: number) => { reason: string } | undefined;
}

/** One describe per fixture, one test per argument list: input and output must agree. */
export function describeFixturePairs(title: string, loaded: Loaded[], opts: SuiteOptions): void {
  describe(title, () => {
    test('rewrite fixtures are found', () => {
      expect(loaded.length, 'no rewrite fixture (input with an .output.ts) found: discovery is broken').toBeGreaterThan(0);
    });

    for (const entry of loaded) describeFixturePair(entry, opts);
  });
}

/** The tests of one fixture pair: its exports, then each argument list run on both sides. */
export function describeFixturePair(entry: Loaded, { clientName, runSide, timeoutMs, engine, expectedDifference }: SuiteOptions): void {
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

    const input = asRunnable(entry.input, fixture.input, clientName);
    const output = asRunnable(entry.output, fixture.output, clientName);
    const problems = [...(Array.isArray(input) ? input : []), ...(Array.isArray(output) ? output : [])];
    if (!Array.isArray(input) && !Array.isArray(output)) {
      const casesDiffer = findDifference(input.cases, output.cases, 'cases');
      if (casesDiffer) problems.push(`input and output export different cases: ${casesDiffer}`);
    }

    test('exports run and cases', () => {
      if (problems.length > 0) expect.fail(problems.join('\n'));
    });
    if (Array.isArray(input) || Array.isArray(output) || problems.length > 0) return;

    const on = engine ? ` on ${engine}` : '';
    input.cases.forEach((args, i) => {
      const expected = expectedDifference?.(fixture.id, i);
      test(
        `case ${i}: run(${argsLabel(args)})${expected ? ` differs${on}: ${expected.reason}` : ''}`,
        async () => {
          // Each side gets its own argument objects (its own module's cases) and its own database.
          const before = await runSide(input.run, args);
          const after = await runSide(output.run, output.cases[i]!);
          const resultDiff = findOutcomeDifference(before.outcome, after.outcome);
          const dbDiff = findDifference(before.database, after.database, 'db');
          const report = [
            `${fixture.id} run(${argsLabel(args)})${on}: input and output ${resultDiff ? 'results differ' : dbDiff ? 'database writes differ' : 'agree'}`,
            `  first difference: ${resultDiff ?? dbDiff ?? 'none'}`,
            `  input  (${rel(fixture.input)}): ${formatOutcome(before.outcome)}`,
            `  output (${rel(fixture.output)}): ${formatOutcome(after.outcome)}`,
          ].join('\n');
          if (expected) {
            if (resultDiff === null && dbDiff === null) {
              expect.fail(`${report}\n  expected a difference (${expected.reason}, the engine's differences list), found none: remove the entry`);
            }
            console.info(`[realdb] expected difference${on}, ${expected.reason}:\n${report}`);
            return;
          }
          if (resultDiff !== null || dbDiff !== null) expect.fail(report);
        },
        timeoutMs,
      );
    });
  });
}
