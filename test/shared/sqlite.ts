// SQLite file plumbing shared by every real-database harness (test/<orm>/):
//   copyDatabase(template, dir)   a private copy of a seeded template per run
//   dumpDatabase(path)            every row of every table, to compare side effects
// Read with better-sqlite3 directly, never through an ORM, so the dump shows
// what was stored, whatever the ORM maps it to.

import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

let copies = 0;

/** Copies the seeded template to a new file in `dir` and returns its path. */
export function copyDatabase(template: string, dir: string): string {
  if (!existsSync(template)) {
    throw new Error(`no seeded template at ${template}: run the tests through vitest (its setup builds it)`);
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
