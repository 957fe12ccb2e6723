// The real-database proof of every Prisma rewrite fixture, on one engine.
// One test file per engine calls defineRealDbProof (__tests__/realdb*.test.ts),
// so vitest runs the engines in parallel and reports each by name.
//
// Each __testfixtures__/<rule>/prisma/<case>.input.ts with a .output.ts is a
// module exporting `run(prisma, ...args)` and, optionally, `cases` (argument
// lists; default [[]]). For every argument list, input and output each run
// against their own fresh seeded database; what they return (or throw) and
// the database they leave behind must match exactly (compare.ts). A rewrite
// fixture without `run` fails: a rewrite that is not proven is a defect.
//
// A case listed in engine-differences.ts for this engine must instead DIFFER
// there (a review-tier rewrite whose difference the engine demonstrates); the
// test prints the difference, and fails if it disappears (the list is stale).

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serversRequired } from '../db/servers.js';
import { Prisma, type PrismaClient } from './client.js';
import { findDifference, type Outcome } from '../shared/compare.js';
import { describeFixturePair, loadFixturePairs, type RunFn, type SideResult } from '../shared/realdb.js';
import { expectedDifference } from './engine-differences.js';
import { type EngineName, lookUpEngine, type ProofEngine, type Side } from './engines.js';
import { findPrismaRewriteFixtures } from './fixtures.js';
import { seedPosts, seedUsers } from '../shared/seed.js';

/** Generous: the first client in a worker compiles Prisma's query-compiler wasm. */
export const RUN_TIMEOUT_MS = 30_000;

/** Runs `run` on a fresh database of `engine`; returns what it did and the database it left. */
export async function runOnFreshSide(engine: ProofEngine, run: (prisma: PrismaClient) => unknown): Promise<SideResult> {
  const side: Side = await engine.fresh();
  let outcome: Outcome;
  let database: Record<string, unknown[]> | undefined;
  try {
    try {
      outcome = { kind: 'returned', value: await run(side.prisma) };
    } catch (error) {
      outcome = { kind: 'threw', error };
    }
    database = await side.dump();
    return { outcome, database };
  } finally {
    await side.dispose(database);
  }
}

const ENGINE_TITLE: Record<EngineName, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL', mariadb: 'MariaDB' };

/**
 * Declares the proof on `name`. An engine whose server is not up is skipped
 * with the reason in the skipped test's title (or fails, under
 * PUSHDOWN_REQUIRE_SERVERS=1).
 */
export async function defineRealDbProof(name: EngineName): Promise<void> {
  const title = `real database (${ENGINE_TITLE[name]}): Prisma rewrite fixtures`;
  const lookup = lookUpEngine(name);
  if (!lookup.ok) {
    const reason = `${ENGINE_TITLE[name]} proof not run: ${lookup.reason}`;
    console.warn(`[realdb] ${reason}`);
    describe(title, () => {
      if (serversRequired) test(`${ENGINE_TITLE[name]} server is up (PUSHDOWN_REQUIRE_SERVERS=1)`, () => expect.fail(reason));
      else test.skip(reason, () => undefined);
    });
    return;
  }

  const loaded = await loadFixturePairs(findPrismaRewriteFixtures());
  let engine: ProofEngine | undefined;
  const opened = (): ProofEngine => {
    if (!engine) throw new Error(`${ENGINE_TITLE[name]} is not open`);
    return engine;
  };

  describe(title, () => {
    beforeAll(async () => {
      engine = await lookup.open();
      console.info(`[realdb] ${ENGINE_TITLE[name]} proof running`);
    }, RUN_TIMEOUT_MS);
    afterAll(async () => engine?.close());

    test('rewrite fixtures are found', () => {
      expect(loaded.length, 'no __testfixtures__/*/prisma/*.input.ts with an .output.ts: discovery is broken').toBeGreaterThan(0);
    });

    test(
      'the seed reads back through Prisma exactly as seeded',
      async () => {
        const { outcome } = await runOnFreshSide(opened(), async (prisma) => ({
          users: await prisma.user.findMany({ orderBy: { id: 'asc' } }),
          posts: await prisma.post.findMany({ orderBy: { id: 'asc' } }),
        }));
        if (outcome.kind === 'threw') throw outcome.error;
        const expected = { users: seedUsers.map((u) => ({ ...u, balance: new Prisma.Decimal(u.balance) })), posts: seedPosts };
        expect(findDifference(outcome.value, expected, 'seed')).toBeNull();
      },
      RUN_TIMEOUT_MS,
    );

    test(
      'seeded rows are stored exactly as Prisma itself writes them',
      async () => {
        // A copy of a seeded user and post, written through Prisma, must be stored like the SQL-seeded originals.
        const { id: userId, ...user } = seedUsers[2]!;
        const { id: postId, ...post } = seedPosts[0]!;
        const { outcome, database } = await runOnFreshSide(opened(), async (prisma) => {
          const u = await prisma.user.create({ data: { ...user, email: 'copy@example.com' } });
          const p = await prisma.post.create({ data: { ...post, authorId: u.id } });
          return { userId: u.id, postId: p.id };
        });
        if (outcome.kind === 'threw') throw outcome.error;
        const created = outcome.value as { userId: number; postId: number };
        const row = (table: string, id: number) => {
          const found = database[table]?.find((r) => (r as { id: unknown }).id === id) as Record<string, unknown> | undefined;
          const { id: _id, email: _email, authorId: _authorId, ...rest } = found ?? {};
          return rest;
        };
        expect(findDifference(row('User', created.userId), row('User', userId), 'User')).toBeNull();
        expect(findDifference(row('Post', created.postId), row('Post', postId), 'Post')).toBeNull();
      },
      RUN_TIMEOUT_MS,
    );

    const pair = {
      clientName: 'prisma',
      timeoutMs: RUN_TIMEOUT_MS,
      engine: name,
      expectedDifference: (id: string, i: number) => expectedDifference(id, i, name),
      runSide: (run: RunFn, args: unknown[]) => runOnFreshSide(opened(), (prisma) => run(prisma as never, ...args)),
    };
    for (const entry of loaded) describeFixturePair(entry, pair);
  });
}
