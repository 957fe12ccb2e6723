// Opens a Drizzle database (better-sqlite3 driver) on a SQLite file, with the
// schema registered so the relational API (`db.query.users`) works too.

import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

export function openDrizzle(dbPath: string): { db: Db; close(): void } {
  const sqlite = new Database(dbPath);
  sqlite.pragma('foreign_keys = ON');
  return { db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}
