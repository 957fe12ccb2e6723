// SQLite files for the real-database proofs: a private copy of a seeded
// template per run (so a fixture may write), and a dump of everything a run
// left behind, compared like its result.

import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { REPO_ROOT } from '../fixtures.js';

/** Scratch space for seeded templates and per-run copies (`.tmp/` is gitignored). */
export const TMP_DIR = join(REPO_ROOT, '.tmp', 'realdb');

let copies = 0;

/** Copies the seeded template to a new file in `dir` and returns its path. */
export function freshCopy(dir: string, template: string): string {
  if (!existsSync(template)) {
    throw new Error(`no seeded template at ${template}: run the tests through vitest.config.ts (its globalSetup builds it)`);
  }
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `run-${process.pid}-${++copies}.db`);
  copyFileSync(template, path);
  return path;
}

/**
 * Every row of every table (and the AUTOINCREMENT counters), in rowid order,
 * as raw SQLite values: the side effects of a run, compared like its result.
 */
export function dumpDatabase(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) dump[table] = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}" ORDER BY rowid`).all();
    const hasSequence = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'`).get() !== undefined;
    dump.sqlite_sequence = hasSequence ? db.prepare('SELECT name, seq FROM sqlite_sequence ORDER BY name').all() : [];
    return dump;
  } finally {
    db.close();
  }
}
