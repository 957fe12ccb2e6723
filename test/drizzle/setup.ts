// The seeded SQLite template for Drizzle fixtures: the rows of ../prisma/seed.ts
// (the Decimal balance column is Prisma-only and left out), in tables whose DDL
// is what drizzle-kit emits for ./schema.ts. Copies and dumps reuse the SQLite
// helpers of ../prisma/setup.ts, which know nothing of Prisma.

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { seedPosts, seedUsers } from '../shared/seed.js';
import { REPO_ROOT } from '../prisma/setup.js';

export const DRIZZLE_TEMPLATE_DB = join(REPO_ROOT, '.tmp', 'realdb', 'drizzle-template.db');

export const DRIZZLE_SCHEMA_SQL = `
CREATE TABLE \`users\` (
  \`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  \`email\` text NOT NULL,
  \`name\` text,
  \`age\` integer NOT NULL,
  \`score\` real NOT NULL,
  \`active\` integer NOT NULL,
  \`createdAt\` integer NOT NULL,
  \`bonus\` integer
);
CREATE UNIQUE INDEX \`users_email_unique\` ON \`users\` (\`email\`);
CREATE TABLE \`posts\` (
  \`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  \`title\` text NOT NULL,
  \`views\` integer NOT NULL,
  \`published\` integer NOT NULL,
  \`rating\` real,
  \`authorId\` integer NOT NULL,
  FOREIGN KEY (\`authorId\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE no action
);
`;

/** Writes the tables and the seed rows into a new SQLite file at `path` (replaced atomically). */
export function buildDrizzleTemplate(path: string = DRIZZLE_TEMPLATE_DB): string {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.exec(DRIZZLE_SCHEMA_SQL);
    const insertUser = db.prepare('INSERT INTO users (id, email, name, age, score, active, createdAt, bonus) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertPost = db.prepare('INSERT INTO posts (id, title, views, published, rating, authorId) VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const u of seedUsers) insertUser.run(u.id, u.email, u.name, u.age, u.score, u.active ? 1 : 0, u.createdAt.getTime(), u.bonus);
      for (const p of seedPosts) insertPost.run(p.id, p.title, p.views, p.published ? 1 : 0, p.rating, p.authorId);
    })();
  } finally {
    db.close();
  }
  renameSync(tmp, path);
  return path;
}
