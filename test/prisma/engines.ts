// The engines the Prisma proof runs on: SQLite always, PostgreSQL and MariaDB
// when their servers are up (test/db/servers.ts). Each gives a fresh, seeded
// database per run, a Prisma client on it (the client generated for that
// provider, through its driver adapter) and a dump of what the run left.
// Import only after generateClient() has run (the vitest globalSetup does).
//
// The tables come from SQL that matches what Prisma Migrate emits for
// schema.prisma on each provider (no migration engine offline): change
// schema.prisma, SCHEMA_SQL (setup.ts), POSTGRES_SQL and MYSQL_SQL together.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaMariaDb } from '@prisma/adapter-mariadb';
import { PrismaPg } from '@prisma/adapter-pg';
import * as mariadb from 'mariadb';
import pg from 'pg';
import { type Dump, mariaDbConnection, openScratch, type ScratchServer, type ServerEngine, serverUrl } from '../db/servers.js';
import { openPrisma, type PrismaClient } from './client.js';
import { PrismaClient as MySqlPrismaClient } from './generated-mysql/client.js';
import { PrismaClient as PostgresPrismaClient } from './generated-postgresql/client.js';
import { type SeedPost, type SeedUser, seedPosts, seedUsers } from '../shared/seed.js';
import { freshCopy } from './setup.js';
import { dumpDatabase } from '../shared/sqlite.js';

export type EngineName = 'sqlite' | ServerEngine;

/** The datasource provider of the schema each engine's client is generated for. */
export const PROVIDER_OF: Record<EngineName, 'sqlite' | 'postgresql' | 'mysql'> = { sqlite: 'sqlite', postgresql: 'postgresql', mariadb: 'mysql' };

/** One fresh database with a client on it. */
export interface Side {
  /** Typed as the SQLite client the fixtures are written (and typechecked) against; the same API on every provider. */
  prisma: PrismaClient;
  dump(): Promise<Dump>;
  /** Runs SQL on the side's database, under Prisma (tests that store what Prisma cannot write, e.g. a NaN). */
  exec(sql: string): Promise<void>;
  /** Closes the client and gives the database back (reused only if `lastDump` shows it untouched). */
  dispose(lastDump?: Dump): Promise<void>;
}

export interface ProofEngine {
  name: EngineName;
  /** A fresh seeded database and a client on it. */
  fresh(): Promise<Side>;
  close(): Promise<void>;
}

/** PostgreSQL: what Prisma Migrate emits (SERIAL keys, TIMESTAMP(3), DECIMAL(65,30), DOUBLE PRECISION, named constraints). */
export const POSTGRES_SQL = `
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "age" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "bonus" INTEGER,
    "balance" DECIMAL(65,30) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "views" INTEGER NOT NULL,
    "published" BOOLEAN NOT NULL,
    "rating" DOUBLE PRECISION,
    "authorId" INTEGER NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;

/**
 * MySQL / MariaDB: what Prisma Migrate emits (VARCHAR(191) strings, DATETIME(3),
 * DECIMAL(65,30), DOUBLE, tables in utf8mb4_unicode_ci: case-, accent- and
 * trailing-space-insensitive comparison, like the server default utf8mb4_general_ci).
 */
export const MYSQL_SQL = `
CREATE TABLE \`User\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`email\` VARCHAR(191) NOT NULL,
    \`name\` VARCHAR(191) NULL,
    \`age\` INTEGER NOT NULL,
    \`score\` DOUBLE NOT NULL,
    \`active\` BOOLEAN NOT NULL,
    \`createdAt\` DATETIME(3) NOT NULL,
    \`bonus\` INTEGER NULL,
    \`balance\` DECIMAL(65, 30) NOT NULL,

    UNIQUE INDEX \`User_email_key\`(\`email\`),
    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE TABLE \`Post\` (
    \`id\` INTEGER NOT NULL AUTO_INCREMENT,
    \`title\` VARCHAR(191) NOT NULL,
    \`views\` INTEGER NOT NULL,
    \`published\` BOOLEAN NOT NULL,
    \`rating\` DOUBLE NULL,
    \`authorId\` INTEGER NOT NULL,

    PRIMARY KEY (\`id\`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE \`Post\` ADD CONSTRAINT \`Post_authorId_fkey\` FOREIGN KEY (\`authorId\`) REFERENCES \`User\`(\`id\`) ON DELETE RESTRICT ON UPDATE CASCADE;
`;

type Literal = string | number | boolean | null | Date;

function sqlLiteral(value: Literal, dialect: 'postgresql' | 'mysql'): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`seed value ${value} has no SQL literal`);
    return String(value);
  }
  // DATETIME(3) / TIMESTAMP(3) hold UTC wall-clock time, as Prisma writes it.
  const text = value instanceof Date ? value.toISOString().replace('T', ' ').replace('Z', '') : value;
  return dialect === 'mysql' ? `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${text.replaceAll("'", "''")}'`;
}

const userValues = (u: SeedUser): Literal[] => [u.id, u.email, u.name, u.age, u.score, u.active, u.createdAt, u.bonus, u.balance];
const postValues = (p: SeedPost): Literal[] => [p.id, p.title, p.views, p.published, p.rating, p.authorId];

/** The seed rows as INSERTs, and (PostgreSQL) the serial sequences moved past the explicit ids. */
export function seedSql(dialect: 'postgresql' | 'mysql'): string {
  const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
  const insert = (table: string, columns: string[], rows: Literal[][]) =>
    `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES\n${rows.map((r) => `(${r.map((v) => sqlLiteral(v, dialect)).join(', ')})`).join(',\n')};`;
  const statements = [
    insert('User', ['id', 'email', 'name', 'age', 'score', 'active', 'createdAt', 'bonus', 'balance'], seedUsers.map(userValues)),
    insert('Post', ['id', 'title', 'views', 'published', 'rating', 'authorId'], seedPosts.map(postValues)),
  ];
  if (dialect === 'postgresql') {
    statements.push(`SELECT setval(pg_get_serial_sequence('"User"', 'id'), ${Math.max(...seedUsers.map((u) => u.id))});`);
    statements.push(`SELECT setval(pg_get_serial_sequence('"Post"', 'id'), ${Math.max(...seedPosts.map((p) => p.id))});`);
  }
  return statements.join('\n');
}

const POSTGRES_SETUP = `${POSTGRES_SQL}\n${seedSql('postgresql')}`;
const MYSQL_SETUP = `${MYSQL_SQL}\n${seedSql('mysql')}`;

/** SQLite: a copy of the seeded template file per run. */
export function sqliteEngine(): ProofEngine {
  const workDir = mkdtempSync(join(tmpdir(), 'pushdown-realdb-'));
  return {
    name: 'sqlite',
    async fresh() {
      const path = freshCopy(workDir);
      const prisma = openPrisma(path);
      return {
        prisma,
        dump: async () => dumpDatabase(path),
        exec: async (sql) => {
          const db = new Database(path);
          try {
            db.exec(sql);
          } finally {
            db.close();
          }
        },
        dispose: async () => {
          await prisma.$disconnect();
          rmSync(path, { force: true });
        },
      };
    },
    async close() {
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/**
 * A server engine: each side gets a place (schema or database) from the
 * scratch server and a client whose driver adapter, sharing `pool`, names
 * that place in its SQL.
 */
function serverEngine(
  name: ServerEngine,
  scratch: ScratchServer,
  setupSql: string,
  client: (place: string) => PrismaClient,
  pool: { end(): Promise<void> },
): ProofEngine {
  return {
    name,
    async fresh() {
      const place = await scratch.acquire(setupSql, 'prisma');
      const prisma = client(place.name);
      return {
        prisma,
        dump: () => place.dump(),
        exec: (sql) => place.exec(sql),
        dispose: async (lastDump) => {
          await prisma.$disconnect();
          await place.release(lastDump);
        },
      };
    },
    async close() {
      await pool.end();
      await scratch.end();
    },
  };
}

/** PostgreSQL: a schema per run (PrismaPg's `schema`). */
async function postgresEngine(url: string): Promise<ProofEngine> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const client = (schema: string) => new PostgresPrismaClient({ adapter: new PrismaPg(pool, { schema }) }) as unknown as PrismaClient;
  return serverEngine('postgresql', await openScratch('postgresql', url), POSTGRES_SETUP, client, pool);
}

/** MariaDB: a database per run (PrismaMariaDb's `database`). */
async function mariaDbEngine(url: string): Promise<ProofEngine> {
  const pool = mariadb.createPool({ ...mariaDbConnection(url), connectionLimit: 8 });
  const client = (database: string) => new MySqlPrismaClient({ adapter: new PrismaMariaDb(pool, { database }) }) as unknown as PrismaClient;
  return serverEngine('mariadb', await openScratch('mariadb', url), MYSQL_SETUP, client, pool);
}

export type EngineLookup = { ok: true; open(): Promise<ProofEngine> } | { ok: false; reason: string };

/** How to open `name`, or why it is not available here (SQLite always is). */
export function lookUpEngine(name: EngineName): EngineLookup {
  if (name === 'sqlite') return { ok: true, open: async () => sqliteEngine() };
  const server = serverUrl(name);
  if (!server.ok) return server;
  return { ok: true, open: () => (name === 'postgresql' ? postgresEngine(server.url) : mariaDbEngine(server.url)) };
}
