// The real-database proof for an ORM whose sides are built from a handle
// factory: every __testfixtures__/<rule>/<orm>/<case>.input.ts with an
// .output.ts runs before and after through the shared runner (realdb.ts),
// each side on a fresh database; `sqliteSides` builds those on copies of a
// seeded SQLite template.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Outcome } from './compare.js';
import { findRewriteFixtures } from '../fixtures.js';
import { freshCopy } from '../prisma/setup.js';
import { describeFixturePairs, loadFixturePairs, type RunSide } from './realdb.js';
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

/** Declares the vitest suite proving every rewrite fixture of `opts.orm`: the shared runner (realdb.ts) on sides from `opts.fresh`. */
export async function proveRewriteFixtures<H>(opts: ProofOptions<H>): Promise<void> {
  const runSide: RunSide = async (run, args) => {
    const fresh = await opts.fresh();
    let outcome: Outcome;
    try {
      outcome = { kind: 'returned', value: await (run as unknown as (handle: H, ...rest: unknown[]) => unknown)(fresh.handle, ...args) };
    } catch (error) {
      outcome = { kind: 'threw', error };
    }
    return { outcome, database: await fresh.finish() };
  };
  const loaded = await loadFixturePairs(findRewriteFixtures(opts.orm));
  describeFixturePairs(`real database: ${opts.orm} rewrite fixtures`, loaded, { clientName: 'handle', runSide, timeoutMs: opts.timeoutMs ?? 30_000 });
}
