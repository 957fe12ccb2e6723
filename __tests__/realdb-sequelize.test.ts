// Real-database proof for every Sequelize rewrite fixture
// (__testfixtures__/<rule>/sequelize/): input and output run on fresh copies
// of the seeded SQLite template (test/sequelize/setup.ts), results and
// database state compared exactly. See test/shared/realdb-suite.ts.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openSequelize, type Models } from '../test/sequelize/models.js';
import { buildSequelizeTemplate } from '../test/sequelize/setup.js';
import { findDifference } from '../test/shared/compare.js';
import { seedPosts, seedUsers } from '../test/shared/seed.js';
import { freshCopy } from '../test/prisma/setup.js';
import { proveRewriteFixtures, sqliteSides } from '../test/shared/realdb-suite.js';

await proveRewriteFixtures<Models>({
  orm: 'sequelize',
  fresh: sqliteSides(buildSequelizeTemplate, (path) => {
    const o = openSequelize(path);
    return { handle: o.models, close: o.close };
  }),
});

describe('real database: Sequelize harness self-checks', () => {
  test('the seeded template reads back through Sequelize exactly as seeded', async () => {
    const o = openSequelize(freshCopy(mkdtempSync(join(tmpdir(), 'pushdown-sequelize-')), await buildSequelizeTemplate()));
    try {
      const u = (await o.models.User.findAll({ order: [['id', 'ASC']] })).map((r) => r.get({ plain: true }));
      const p = (await o.models.Post.findAll({ order: [['id', 'ASC']] })).map((r) => r.get({ plain: true }));
      expect(findDifference(u, seedUsers.map(({ balance: _b, ...rest }) => rest), 'users')).toBeNull();
      expect(findDifference(p, seedPosts, 'posts')).toBeNull();
    } finally {
      await o.close();
    }
  }, 30_000);
});
