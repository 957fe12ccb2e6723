// The real-database proof, for any ORM: every
// __testfixtures__/<rule>/<orm>/<case>.input.ts that has a .output.ts is a
// module exporting `run(handle, ...args)` and optionally `cases` (argument
// lists; default [[]]). For every argument list, input and output each run
// on their own fresh copy of a seeded SQLite template; what they return (or
// throw) and the database they leave behind must match exactly
// (test/prisma/compare.ts). A rewrite fixture without `run` fails.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { findDifference, findOutcomeDifference, formatOutcome, type Outcome } from './compare.js';
import { findRewriteFixtures } from '../fixtures.js';
import { freshCopy, REPO_ROOT } from '../prisma/setup.js';
import { dumpDatabase } from './sqlite.js';

export interface Opened<H> {
  handle: H;
  close(): Promise<void> | void;
}

/** One side of a comparison: a handle on a private, freshly seeded database, and how to end it. */
export interface Side<H> {
  handle: H;
  /** Closes the handle and returns the database it leaves behind (every table or collection, in a stable order). */
  finish(): Promise<Record<string, unknown[]>>;
}

export interface ProofOptions<H> {
  orm: string;
  /** A fresh, seeded database for one side of one case. */
  fresh(): Promise<Side<H>> | Side<H>;
  /** Per-run timeout. */
  timeoutMs?: number;
}

/**
 * Sides on private copies of a seeded SQLite template: `template` builds it
 * once (lazily), `open` opens the ORM on a copy.
 */
export function sqliteSides<H>(template: () => string | Promise<string>, open: (dbPath: string) => Promise<Opened<H>> | Opened<H>): () => Promise<Side<H>> {
  let built: Promise<string> | undefined;
  const workDir = mkdtempSync(join(tmpdir(), 'pushdown-realdb-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  return async () => {
    built ??= Promise.resolve(template());
    const dbPath = freshCopy(workDir, await built);
    const opened = await open(dbPath);
    return {
      handle: opened.handle,
      async finish() {
        await opened.close();
        const dump = dumpDatabase(dbPath);
        rmSync(dbPath, { force: true });
        return dump;
      },
    };
  };
}

type RunFn<H> = (handle: H, ...args: unknown[]) => unknown;

const rel = (path: string): string => relative(REPO_ROOT, path);
const argsLabel = (args: unknown[]): string => args.map((a) => inspect(a, { breakLength: Infinity, depth: 4 })).join(', ');

function asRunnable<H>(mod: Record<string, unknown>, file: string): { run: RunFn<H>; cases: unknown[][] } | string[] {
  const problems: string[] = [];
  if (typeof mod.run !== 'function') problems.push(`${rel(file)}: no exported function run(handle, ...args); every rewrite fixture must be runnable`);
  let cases: unknown[][] = [[]];
  if (mod.cases !== undefined) {
    if (Array.isArray(mod.cases) && mod.cases.length > 0 && mod.cases.every((c) => Array.isArray(c))) cases = mod.cases as unknown[][];
    else problems.push(`${rel(file)}: cases must be a non-empty array of argument arrays; got ${inspect(mod.cases)}`);
  }
  return problems.length > 0 ? problems : { run: mod.run as RunFn<H>, cases };
}

/** Declares the vitest suite proving every rewrite fixture of `opts.orm`. */
export async function proveRewriteFixtures<H>(opts: ProofOptions<H>): Promise<void> {
  const timeout = opts.timeoutMs ?? 30_000;
  const fixtures = findRewriteFixtures(opts.orm);

  async function side(run: RunFn<H>, args: unknown[]): Promise<{ outcome: Outcome; database: Record<string, unknown[]> }> {
    const fresh = await opts.fresh();
    let outcome: Outcome;
    try {
      outcome = { kind: 'returned', value: await run(fresh.handle, ...args) };
    } catch (error) {
      outcome = { kind: 'threw', error };
    }
    return { outcome, database: await fresh.finish() };
  }

  const loaded = await Promise.all(
    fixtures.map(async (fixture) => {
      try {
        return { fixture, input: (await import(fixture.input)) as Record<string, unknown>, output: (await import(fixture.output)) as Record<string, unknown> };
      } catch (error) {
        return { fixture, error };
      }
    }),
  );

  describe(`real database: ${opts.orm} rewrite fixtures`, () => {
    test('rewrite fixtures are found', () => {
      expect(fixtures.length, `no __testfixtures__/*/${opts.orm}/*.input.ts with an .output.ts`).toBeGreaterThan(0);
    });
    for (const entry of loaded) {
      const { fixture } = entry;
      describe(fixture.id, () => {
        if ('error' in entry) {
          test('loads', () => {
            throw new Error(`${fixture.id}: cannot import input or output: ${entry.error instanceof Error ? entry.error.message : inspect(entry.error)}`);
          });
          return;
        }
        const input = asRunnable<H>(entry.input, fixture.input);
        const output = asRunnable<H>(entry.output, fixture.output);
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
              const before = await side(input.run, args);
              const after = await side(output.run, output.cases[i]!);
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
            timeout,
          );
        });
      });
    }
  });
}
