// Real-database plumbing for the MikroORM fixtures:
//   openOrm(path)            MikroORM 6 on a SQLite file (better-sqlite driver)
//   buildTemplate(path)      the tables from MikroORM's own schema tooling
//                            (orm.schema.createSchema()), seeded through the
//                            ORM with test/shared/seed.ts, so every value is
//                            stored exactly as MikroORM stores it (a datetime
//                            is epoch milliseconds, a boolean 0/1)
// Each side of a comparison runs on its own copy of the template
// (test/shared/sqlite.ts) with its own ORM and a fresh `em` fork.

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { MikroORM } from '@mikro-orm/better-sqlite';
import { seedPosts, seedUsers } from '../shared/seed.js';
import { entities, Post, User } from './entities.js';

export async function openOrm(dbPath: string): Promise<MikroORM> {
  return MikroORM.init({
    dbName: dbPath,
    entities,
    debug: false,
    // Fixtures get a fork; a use of the global context is a fixture bug.
    allowGlobalContext: false,
    ensureDatabase: false,
  });
}

/** Creates the tables and the seed rows in a new SQLite file at `path` (replaced atomically). */
export async function buildTemplate(path: string): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const orm = await openOrm(tmp);
  try {
    await orm.schema.createSchema();
    const em = orm.em.fork();
    for (const { balance, ...u } of seedUsers) em.create(User, { ...u, balance });
    for (const { authorId, ...p } of seedPosts) em.create(Post, { ...p, author: authorId });
    await em.flush();
  } finally {
    await orm.close(true);
  }
  renameSync(tmp, path);
  return path;
}
