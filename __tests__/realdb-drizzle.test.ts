// Real-database proof for every Drizzle rewrite fixture
// (__testfixtures__/<rule>/drizzle/): input and output run on fresh copies of
// the seeded SQLite template (test/drizzle/setup.ts), results and database
// state compared exactly. See test/shared/realdb-suite.ts.

import { describe, expect, test } from 'vitest';
import { asc } from 'drizzle-orm';
import { openDrizzle, type Db } from '../test/drizzle/client.js';
import { posts, users } from '../test/drizzle/schema.js';
import { buildDrizzleTemplate } from '../test/drizzle/setup.js';
import { findDifference } from '../test/shared/compare.js';
import { seedPosts, seedUsers } from '../test/shared/seed.js';
import { freshCopy } from '../test/prisma/setup.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proveRewriteFixtures, sqliteSides } from '../test/shared/realdb-suite.js';

await proveRewriteFixtures<Db>({
  orm: 'drizzle',
  fresh: sqliteSides(buildDrizzleTemplate, (path) => {
    const o = openDrizzle(path);
    return { handle: o.db, close: o.close };
  }),
});

describe('real database: Drizzle harness self-checks', () => {
  test('the seeded template reads back through Drizzle exactly as seeded', () => {
    const { db, close } = openDrizzle(freshCopy(mkdtempSync(join(tmpdir(), 'pushdown-drizzle-')), buildDrizzleTemplate()));
    try {
      const u = db.select().from(users).orderBy(asc(users.id)).all();
      const p = db.select().from(posts).orderBy(asc(posts.id)).all();
      expect(findDifference(u, seedUsers.map(({ balance: _b, ...rest }) => rest), 'users')).toBeNull();
      expect(findDifference(p, seedPosts, 'posts')).toBeNull();
    } finally {
      close();
    }
  });
});
