// Real-database proof for every MikroORM rewrite fixture.
//
// Each __testfixtures__/<rule>/mikro-orm/<case>.input.ts with a .output.ts
// exports `run(em, ...args)` and, optionally, `cases`. For every argument
// list, input and output each run on their own copy of a seeded SQLite
// database (schema from MikroORM's schema tooling, rows from
// test/shared/seed.ts), with their own MikroORM instance and a fresh
// `orm.em.fork()`. Results are turned into plain data (test/mikro-orm/plain.ts:
// how entities, references and collections are written) and must match
// exactly, as must the database each side leaves behind.
//
// The second block pins the MikroORM 6 behaviours the mikro-orm plugin's
// choices rest on (why count declines limit, why select declines, ...): if
// an upgrade changes one, a test here fails before a rewrite goes wrong.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/better-sqlite';
import { afterAll, describe, expect, test } from 'vitest';
import { Post, User } from '../test/mikro-orm/entities.js';
import { toPlain } from '../test/mikro-orm/plain.js';
import { buildTemplate, openOrm } from '../test/mikro-orm/setup.js';
import { findDifference, type Outcome } from '../test/shared/compare.js';
import { findRewriteFixtures } from '../test/fixtures.js';
import { describeFixturePairs, loadFixturePairs, type RunFn, type SideResult } from '../test/shared/realdb.js';
import { seedPosts, seedUsers } from '../test/shared/seed.js';
import { copyDatabase, dumpDatabase } from '../test/shared/sqlite.js';

const RUN_TIMEOUT_MS = 30_000;

const workDir = mkdtempSync(join(tmpdir(), 'pushdown-realdb-mikro-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const template = await buildTemplate(join(workDir, 'template.db'));

/** A fresh database copy, its own ORM and a fresh fork: what `fn` sees is never shared with the other side. */
async function withFreshEm<T>(fn: (em: EntityManager, dbPath: string) => Promise<T>): Promise<{ value: T; dbPath: string }> {
  const dbPath = copyDatabase(template, workDir);
  const orm = await openOrm(dbPath);
  try {
    return { value: await fn(orm.em.fork(), dbPath), dbPath };
  } finally {
    await orm.close(true);
  }
}

async function runOnFreshCopy(run: RunFn, args: unknown[]): Promise<SideResult> {
  const { value: outcome, dbPath } = await withFreshEm(async (em): Promise<Outcome> => {
    try {
      // Serialised before the ORM closes, while references can still be told apart.
      return { kind: 'returned', value: toPlain(await (run as (em: EntityManager, ...rest: unknown[]) => unknown)(em, ...args)) };
    } catch (error) {
      return { kind: 'threw', error };
    }
  });
  const database = dumpDatabase(dbPath);
  rmSync(dbPath, { force: true });
  return { outcome, database };
}

const loaded = await loadFixturePairs(findRewriteFixtures('mikro-orm'));

describeFixturePairs('real database: MikroORM rewrite fixtures', loaded, { clientName: 'em', runSide: runOnFreshCopy, timeoutMs: RUN_TIMEOUT_MS });

describe('real database: MikroORM harness and the semantics the plugin relies on', () => {
  test('the seeded template reads back through MikroORM exactly as seeded', async () => {
    // Posts first: once the users are in the identity map, post.author is no longer a bare reference.
    const { value } = await withFreshEm(async (em) => {
      const posts = toPlain(await em.find(Post, {}, { orderBy: { id: 'asc' } }));
      return { posts, users: toPlain(await em.find(User, {}, { orderBy: { id: 'asc' } })) };
    });
    const expectedUsers = seedUsers.map((u) => ({ $entity: 'User', ...u, posts: { $collection: 'not loaded' } }));
    const expectedPosts = seedPosts.map(({ authorId, ...p }) => ({ $entity: 'Post', ...p, author: { $entity: 'User', $ref: authorId } }));
    expect(findDifference(value.users, expectedUsers, 'users')).toBeNull();
    expect(findDifference(value.posts, expectedPosts, 'posts')).toBeNull();
  });

  test('em.count ignores limit and offset (so count declines them)', async () => {
    const { value } = await withFreshEm(async (em) => {
      const counted = em.count as (entity: typeof User, where: object, options: object) => Promise<number>;
      return [await counted.call(em, User, {}, { limit: 1 }), await counted.call(em, User, {}, { limit: 2, offset: 5 })];
    });
    expect(value).toEqual([seedUsers.length, seedUsers.length]);
  });

  test('em.findOne rejects an empty where (so a first row of an unfiltered load needs another form)', async () => {
    await expect(withFreshEm((em) => em.findOne(User, {}))).rejects.toThrow(/empty 'where'/);
  });

  test('a partial load (fields) stays in the identity map and em.populate then treats it as loaded (so select declines)', async () => {
    const { value } = await withFreshEm(async (em) => {
      await em.find(User, {}, { fields: ['email'] });
      const post = await em.findOneOrFail(Post, 1);
      await em.populate(post, ['author']);
      return post.author.name;
    });
    // Without the partial load, populate loads the author: 'Alice'.
    expect(value).toBeUndefined();
    const { value: unpolluted } = await withFreshEm(async (em) => {
      const post = await em.findOneOrFail(Post, 1);
      await em.populate(post, ['author']);
      return post.author.name;
    });
    expect(unpolluted).toBe('Alice');
  });

  test('find, count and findOne flush pending changes of the queried entity first (default FlushMode.AUTO)', async () => {
    const { value } = await withFreshEm(async (em) => {
      const bob = await em.findOneOrFail(User, 2);
      bob.age = 99;
      const counted = await em.count(User, { age: 99 });
      const carol = await em.findOneOrFail(User, 3);
      carol.age = 98;
      const first = await em.findOne(User, { age: 98 });
      return [counted, first?.id];
    });
    expect(value).toEqual([1, 3]);
  });

  test('em.clear() detaches what was loaded before: a later change to it is not flushed (so batches clear only in loops that write nothing)', async () => {
    const { value, dbPath } = await withFreshEm(async (em) => {
      const alice = await em.findOneOrFail(User, 1);
      em.clear();
      alice.name = 'changed';
      await em.flush();
      return (await em.fork().findOneOrFail(User, 1)).name;
    });
    expect(value).toBe('Alice');
    rmSync(dbPath, { force: true });
  });

  test('results are compared as plain data', async () => {
    const { value } = await withFreshEm(async (em) => {
      const post = await em.findOneOrFail(Post, 1, { populate: ['author.posts'] });
      return toPlain(post);
    });
    // The cycle post 1 -> author -> posts -> post 1 ends in a $ref.
    expect(value).toMatchObject({ $entity: 'Post', id: 1, author: { $entity: 'User', id: 1, posts: { $collection: [{ $entity: 'Post', $ref: 1 }, { id: 2 }, { id: 3 }, { id: 14 }] } } });
    const { value: bare } = await withFreshEm(async (em) => toPlain(await em.findOneOrFail(Post, 1)));
    expect(bare).toMatchObject({ author: { $entity: 'User', $ref: 1 } });
    expect(findDifference(toPlain([{ a: new Date(0) }]), [{ a: new Date(0) }])).toBeNull();
  });
});
