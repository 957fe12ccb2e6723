// Real-database harness plumbing, free of any import of the generated client
// (it runs before the client exists):
//   generateClient()      prisma generate, offline, skipped when up to date: the
//                         SQLite client the fixtures are typechecked against, and one
//                         per server provider (generated-postgresql, generated-mysql)
//   buildTemplate(path)   a SQLite file with the tables Prisma expects, seeded
//   (per-run copies and dumps: ../shared/sqlite.ts)
//
// The tables come from hand-written SQL because `prisma db push` needs the
// schema engine, which is not available offline. SCHEMA_SQL is what Prisma
// Migrate emits for schema.prisma on SQLite: change the two together.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { seedPosts, seedUsers } from '../shared/seed.js';
import { copyDatabase } from '../shared/sqlite.js';
import { REPO_ROOT } from '../fixtures.js';

export { REPO_ROOT };
const TMP_DIR = join(REPO_ROOT, '.tmp', 'realdb');

export const PRISMA_DIR = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const CONFIG_PATH = join(PRISMA_DIR, 'prisma.config.ts');
export const GENERATED_DIR = join(PRISMA_DIR, 'generated');
/** What fixtures import: `../../../test/prisma/generated/client.js` from `__testfixtures__/<rule>/prisma/`. */
export const GENERATED_CLIENT = join(GENERATED_DIR, 'client.ts');
/** Rebuilt by the vitest globalSetup on every run (`.tmp/` is gitignored). */
export const TEMPLATE_DB = join(TMP_DIR, 'template.db');

const require = createRequire(import.meta.url);

/** The providers besides SQLite whose clients the server proofs use, each generated from schema.prisma with only the provider changed. */
export const SERVER_PROVIDERS = ['postgresql', 'mysql'] as const;
export type ServerProvider = (typeof SERVER_PROVIDERS)[number];

interface Target {
  /** The schema prisma generate reads. */
  schema: string;
  /** What it generates into. */
  dir: string;
  /** prisma.config.ts for the SQLite client; the derived schemas need none. */
  config?: string;
}

const SQLITE_TARGET: Target = { schema: SCHEMA_PATH, dir: GENERATED_DIR, config: CONFIG_PATH };

function serverTarget(provider: ServerProvider): Target {
  return { schema: join(REPO_ROOT, '.tmp', 'realdb', `schema-${provider}`, 'schema.prisma'), dir: join(PRISMA_DIR, `generated-${provider}`) };
}

/** schema.prisma for another provider: the datasource provider and the generator output changed, nothing else. */
function derivedSchema(provider: ServerProvider): string {
  const target = serverTarget(provider);
  const derived = readFileSync(SCHEMA_PATH, 'utf8')
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, `$1"${provider}"`)
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"[^"]*"/, `$1${JSON.stringify(relative(dirname(target.schema), target.dir))}`);
  if (!derived.includes(`provider = "${provider}"`)) throw new Error(`cannot derive a ${provider} schema from ${SCHEMA_PATH}: its datasource provider is not "sqlite"`);
  return derived;
}

function prismaCliVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('prisma/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Changes whenever the generated client could differ: schema, config or Prisma version. */
function generationStamp(target: Target): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(target.schema));
  if (target.config) hash.update(readFileSync(target.config));
  hash.update(prismaCliVersion());
  return hash.digest('hex');
}

const stampPath = (target: Target): string => join(target.dir, '.pushdown-stamp');

function isUpToDate(target: Target): boolean {
  return (
    existsSync(join(target.dir, 'client.ts')) &&
    existsSync(stampPath(target)) &&
    existsSync(target.schema) &&
    readFileSync(stampPath(target), 'utf8') === generationStamp(target)
  );
}

const targets = (): Target[] => [SQLITE_TARGET, ...SERVER_PROVIDERS.map(serverTarget)];

/** Writes each derived schema when it is missing or stale (a rewrite would only touch its mtime). */
function writeDerivedSchemas(): void {
  for (const provider of SERVER_PROVIDERS) {
    const { schema } = serverTarget(provider);
    const text = derivedSchema(provider);
    if (existsSync(schema) && readFileSync(schema, 'utf8') === text) continue;
    mkdirSync(dirname(schema), { recursive: true });
    writeFileSync(schema, text);
  }
}

export function isClientUpToDate(): boolean {
  writeDerivedSchemas();
  return targets().every(isUpToDate);
}

/**
 * Runs `prisma generate` for test/prisma/schema.prisma (into
 * test/prisma/generated) and for the same schema on each server provider
 * (into test/prisma/generated-<provider>), each unless it was made from this
 * very schema, config and Prisma version. Offline: the prisma-client
 * generator needs no engine, and pointing PRISMA_SCHEMA_ENGINE_BINARY at any
 * executable stops the CLI downloading one. Returns whether it generated.
 */
export function generateClient(): boolean {
  if (isClientUpToDate()) return false;
  return withLock(join(REPO_ROOT, '.tmp', 'realdb', 'generate.lock'), () => {
    writeDerivedSchemas();
    let generated = false;
    for (const target of targets()) if (!isUpToDate(target)) generated = runPrismaGenerate(target) || generated;
    return generated;
  });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Serialises `prisma generate` between concurrent test runs in one checkout (a directory is an atomic lock). */
function withLock<T>(lockDir: string, fn: () => T): T {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = statSync(lockDir, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true }); // left by a killed run
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}; remove it if no test run is generating`);
      else sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function runPrismaGenerate(target: Target): boolean {
  const cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  const anyExecutable = existsSync('/bin/true') ? '/bin/true' : process.execPath;
  const args = target.config ? ['--config', target.config] : ['--schema', target.schema];
  const result = spawnSync(process.execPath, [cli, 'generate', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? anyExecutable,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0 || !existsSync(join(target.dir, 'client.ts'))) {
    throw new Error(
      `prisma generate failed for ${relative(REPO_ROOT, target.schema)} (exit ${result.status ?? result.signal}):\n` +
        `${result.error?.message ?? ''}${result.stdout}${result.stderr}`,
    );
  }
  writeFileSync(stampPath(target), generationStamp(target));
  return true;
}

/**
 * The DDL Prisma Migrate produces for schema.prisma on SQLite: quoted model
 * and field names, Int → INTEGER, Float → REAL, Boolean → BOOLEAN,
 * DateTime → DATETIME, Decimal → DECIMAL, String → TEXT, the relation as a
 * named foreign key (ON DELETE RESTRICT ON UPDATE CASCADE for a required
 * relation) and @unique as a `<Model>_<field>_key` index. The declared types
 * matter: the better-sqlite3 adapter maps results by declared column type
 * (DATETIME → DateTime, DECIMAL → Decimal, BOOLEAN → boolean).
 */
export const SCHEMA_SQL = `
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "age" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "bonus" INTEGER,
    "balance" DECIMAL NOT NULL
);

CREATE TABLE "Post" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "views" INTEGER NOT NULL,
    "published" BOOLEAN NOT NULL,
    "rating" REAL,
    "authorId" INTEGER NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
`;

/**
 * A DateTime as @prisma/adapter-better-sqlite3 writes it with its default
 * `timestampFormat: 'iso8601'`: ISO text with `+00:00` instead of `Z`
 * (its mapArg). The adapter compares DateTime filters as text, so seeded
 * values must use exactly this form or `createdAt: { gt }` would misorder.
 */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** Writes the tables and the seed rows into a new SQLite file at `path` (replaced atomically). */
export function buildTemplate(path: string = TEMPLATE_DB): string {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE'); // one self-contained file, safe to copy when closed
    db.pragma('foreign_keys = ON');
    db.exec(SCHEMA_SQL);
    const insertUser = db.prepare(
      'INSERT INTO "User" ("id", "email", "name", "age", "score", "active", "createdAt", "bonus", "balance") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertPost = db.prepare(
      'INSERT INTO "Post" ("id", "title", "views", "published", "rating", "authorId") VALUES (?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const u of seedUsers) {
        // Decimal: the adapter binds Decimal arguments as parseFloat(text); do the same.
        insertUser.run(u.id, u.email, u.name, u.age, u.score, u.active ? 1 : 0, sqliteDateTime(u.createdAt), u.bonus, Number.parseFloat(u.balance));
      }
      for (const p of seedPosts) {
        insertPost.run(p.id, p.title, p.views, p.published ? 1 : 0, p.rating, p.authorId);
      }
    })();
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`seed violates foreign keys: ${JSON.stringify(broken)}`);
  } finally {
    db.close();
  }
  renameSync(tmp, path);
  return path;
}

/** Copies the seeded template to a new file in `dir` and returns its path. */
export function freshCopy(dir: string, template: string = TEMPLATE_DB): string {
  return copyDatabase(template, dir);
}

