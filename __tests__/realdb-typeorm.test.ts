// Real-database proof for every TypeORM rewrite fixture (the shared harness:
// test/shared/realdb-suite.ts): each __testfixtures__/<rule>/typeorm/<case>.input.ts
// with a .output.ts exports `run(dataSource, ...args)` and `cases`; input and
// output each run on their own fresh copy of the seeded SQLite database
// (better-sqlite3, tables from TypeORM's synchronize: test/typeorm/setup.ts)
// and must return the same results and leave the same database behind.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, describe, expect, test } from 'vitest';
import { findDifference } from '../test/shared/compare.js';
import { proveRewriteFixtures, sqliteSides } from '../test/shared/realdb-suite.js';
import { seedPosts, seedUsers } from '../test/shared/seed.js';
import { freshCopy } from '../test/prisma/setup.js';
import { Post, User } from '../test/typeorm/entities.js';
import { openTypeorm, TYPEORM_TEMPLATE_DB } from '../test/typeorm/setup.js';

const RUN_TIMEOUT_MS = 30_000;

await proveRewriteFixtures<DataSource>({
  orm: 'typeorm',
  timeoutMs: RUN_TIMEOUT_MS,
  fresh: sqliteSides(
    () => TYPEORM_TEMPLATE_DB,
    async (dbPath) => {
      const dataSource = await openTypeorm(dbPath);
      return { handle: dataSource, close: () => dataSource.destroy() };
    },
  ),
});

const workDir = mkdtempSync(join(tmpdir(), 'pushdown-realdb-typeorm-checks-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('real database (TypeORM): harness self-checks', () => {
  test(
    'the seeded template reads back through TypeORM exactly as seeded',
    async () => {
      const dataSource = await openTypeorm(freshCopy(workDir, TYPEORM_TEMPLATE_DB));
      try {
        const users = await dataSource.getRepository(User).find({ order: { id: 'ASC' } });
        const posts = await dataSource.getRepository(Post).find({ order: { id: 'ASC' } });
        // Class fields are own properties (define semantics): an unloaded relation is an own `undefined`.
        const plain = (rows: object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
        expect(findDifference(plain(users), seedUsers.map(({ balance: _b, ...u }) => u), 'users')).toBeNull();
        expect(findDifference(plain(posts), [...seedPosts], 'posts')).toBeNull();
      } finally {
        await dataSource.destroy();
      }
    },
    RUN_TIMEOUT_MS,
  );

  test(
    'null and undefined in a find where throw (TypeORM 1.x default), so rewrites must not emit them',
    async () => {
      const dataSource = await openTypeorm(freshCopy(workDir, TYPEORM_TEMPLATE_DB));
      try {
        const users = dataSource.getRepository(User);
        await expect(users.findBy({ name: null as unknown as string })).rejects.toThrow();
        await expect(users.findBy({ name: undefined })).rejects.toThrow();
      } finally {
        await dataSource.destroy();
      }
    },
    RUN_TIMEOUT_MS,
  );
});
