// Real-database proof for every Prisma rewrite fixture on SQLite (always
// run), and SQLite-specific checks of the harness. The proof itself is
// test/prisma/proof.ts; realdb-postgresql.test.ts and realdb-mariadb.test.ts
// run it on the servers of `npm run db:up` when they are up.
//
// Setup (prisma generate, seeded template) is the vitest globalSetup in
// test/prisma/global-setup.ts; seed rows are listed in test/shared/seed.ts.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { openPrisma, Prisma } from '../test/prisma/client.js';
import { findDifference, findOutcomeDifference } from '../test/shared/compare.js';
import { defineRealDbProof, RUN_TIMEOUT_MS } from '../test/prisma/proof.js';
import { seedPosts, seedUsers } from '../test/shared/seed.js';
import { freshCopy } from '../test/prisma/setup.js';

const workDir = mkdtempSync(join(tmpdir(), 'pushdown-realdb-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

await defineRealDbProof('sqlite');

describe('real database: harness self-checks', () => {
  test(
    'seeded rows are stored exactly as Prisma itself writes them',
    async () => {
      // Text comparison of DateTime filters depends on this (ISO text with +00:00).
      const dbPath = freshCopy(workDir);
      const prisma = openPrisma(dbPath);
      const { id: _u, ...user } = seedUsers[2]!;
      const { id: _p, ...post } = seedPosts[0]!;
      let created: { userId: number; postId: number };
      try {
        const u = await prisma.user.create({ data: { ...user, email: 'copy@example.com' } });
        const p = await prisma.post.create({ data: { ...post, authorId: u.id } });
        created = { userId: u.id, postId: p.id };
      } finally {
        await prisma.$disconnect();
      }
      const db = new Database(dbPath, { readonly: true });
      try {
        // column -> [SQLite storage class, stored value], for every column the copy shares with the seed row
        const storage = (table: string, id: number): Record<string, unknown> => {
          const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[])
            .map((c) => c.name)
            .filter((n) => n !== 'id' && n !== 'email' && n !== 'authorId');
          const row = db.prepare(`SELECT ${columns.map((c) => `typeof("${c}"), "${c}"`).join(', ')} FROM "${table}" WHERE id = ?`).raw().get(id) as unknown[];
          return Object.fromEntries(columns.map((c, i) => [c, [row[2 * i], row[2 * i + 1]]]));
        };
        expect(storage('User', created.userId)).toEqual(storage('User', seedUsers[2]!.id));
        expect(storage('Post', created.postId)).toEqual(storage('Post', seedPosts[0]!.id));
      } finally {
        db.close();
      }
    },
    RUN_TIMEOUT_MS,
  );

  test('results compare exactly', () => {
    expect(findDifference(null, undefined)).not.toBeNull();
    expect(findDifference({ a: undefined }, {})).not.toBeNull();
    expect(findDifference(3, 3n)).not.toBeNull();
    expect(findDifference(3, '3')).not.toBeNull();
    expect(findDifference(new Prisma.Decimal('1.5'), 1.5)).not.toBeNull();
    expect(findDifference(new Prisma.Decimal('1.50'), new Prisma.Decimal(1.5))).toBeNull();
    expect(findDifference(new Prisma.Decimal('1.5'), new Prisma.Decimal('1.51'))).not.toBeNull();
    expect(findDifference(new Date('2024-01-01T00:00:00Z'), new Date(Date.UTC(2024, 0, 1)))).toBeNull();
    expect(findDifference(new Date(0), new Date(1))).not.toBeNull();
    expect(findDifference(0.1 + 0.2, 0.3)).toBeNull();
    expect(findDifference(1, 1 + 1e-6)).not.toBeNull();
    expect(findDifference(10n ** 20n, 10n ** 20n)).toBeNull();
    expect(findDifference([{ a: 1, b: [1, 2] }], [{ b: [1, 2], a: 1 }])).toBeNull();
    expect(findDifference([1, 2], [2, 1])).toBe('$[0]: 1 vs 2');
    expect(findDifference({ posts: [1] }, { posts: [1, 2] })).toMatch(/^\$\.posts\.length: 1 vs 2/);
    expect(findOutcomeDifference({ kind: 'threw', error: new Error('x') }, { kind: 'returned', value: 0 })).not.toBeNull();
  });
});
