// The TypeORM real-database harness: a DataSource on better-sqlite3 over the
// entities in ./entities.ts, and a seeded template built by TypeORM itself
// (`synchronize` creates the tables, the seed goes in through the ORM, so
// dates and booleans are stored exactly as TypeORM writes them).

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { REPO_ROOT } from '../fixtures.js';

const TMP_DIR = join(REPO_ROOT, '.tmp', 'realdb');
import { seedPosts, seedUsers } from '../shared/seed.js';
import { entities, Post, User } from './entities.js';

/** Rebuilt by the vitest globalSetup on every run (`.tmp/` is gitignored). */
export const TYPEORM_TEMPLATE_DB = join(TMP_DIR, 'typeorm-template.db');

/** A DataSource on the SQLite file at `path`, not yet initialised. */
export function typeormDataSource(path: string, synchronize = false): DataSource {
  return new DataSource({ type: 'better-sqlite3', database: path, entities, synchronize, logging: false });
}

export async function openTypeorm(path: string): Promise<DataSource> {
  return typeormDataSource(path).initialize();
}

/** Creates the tables with `synchronize` and writes the seed rows into a new SQLite file at `path` (replaced atomically). */
export async function buildTypeormTemplate(path: string = TYPEORM_TEMPLATE_DB): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const dataSource = await typeormDataSource(tmp, true).initialize();
  try {
    await dataSource.transaction(async (em) => {
      await em.insert(
        User,
        seedUsers.map(({ balance: _balance, ...u }) => u),
      );
      await em.insert(Post, [...seedPosts]);
    });
  } finally {
    await dataSource.destroy();
  }
  renameSync(tmp, path);
  return path;
}
