// The database servers a real-database proof may run on besides SQLite, and a
// fresh, private place in each for one run. ORM-neutral: an ORM's proof gives
// its own DDL and seed as SQL and opens its own client on what it gets back.
//
//   serverUrl('postgresql' | 'mariadb')   where the server is, or why there is none
//   PostgresScratch                       one schema per run in one database
//   MariaDbScratch                        one database per run
//   dump()                                every row of every table, in key order,
//                                         and the auto-increment counters
//
// The servers come from `npm run db:up` (scripts/db-up.sh), which writes
// .tmp/db/urls.json; PUSHDOWN_PG_URL / PUSHDOWN_MARIADB_URL override it. With
// PUSHDOWN_REQUIRE_SERVERS=1 (CI) a missing server is an error, not a skip.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as mariadb from 'mariadb';
import pg from 'pg';

export type ServerEngine = 'postgresql' | 'mariadb';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const URLS_FILE = join(process.env.PUSHDOWN_DB_DIR ?? join(REPO_ROOT, '.tmp', 'db'), 'urls.json');
const ENV_NAMES: Record<ServerEngine, string> = { postgresql: 'PUSHDOWN_PG_URL', mariadb: 'PUSHDOWN_MARIADB_URL' };

export type ServerLookup = { ok: true; url: string } | { ok: false; reason: string };

/** The server's URL from the environment or urls.json, or why the proof on it cannot run. */
export function serverUrl(engine: ServerEngine): ServerLookup {
  const fromEnv = process.env[ENV_NAMES[engine]];
  if (fromEnv) return { ok: true, url: fromEnv };
  if (!existsSync(URLS_FILE)) return { ok: false, reason: `no ${URLS_FILE} and no ${ENV_NAMES[engine]}: start the servers with \`npm run db:up\`` };
  const urls = JSON.parse(readFileSync(URLS_FILE, 'utf8')) as Partial<Record<ServerEngine, string>>;
  const url = urls[engine];
  return url ? { ok: true, url } : { ok: false, reason: `${URLS_FILE} names no ${engine} server` };
}

/** True when a missing server must fail the run instead of skipping its proof (CI sets it). */
export const serversRequired = process.env.PUSHDOWN_REQUIRE_SERVERS === '1';

let counter = 0;
/** A name no other run in this or a concurrent process uses: pid, a counter, and randomness. */
function scratchName(prefix: string): string {
  return `${prefix}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
}

export type Dump = Record<string, unknown[]>;

export interface Scratch {
  /** The schema (PostgreSQL) or database (MariaDB) the run owns. */
  name: string;
  /** A connection URL whose default schema / database is `name`. */
  url: string;
  /** Every row of every table in key order, and the auto-increment counters. */
  dump(): Promise<Dump>;
  /** Runs SQL (several statements allowed) with the place as default schema / database. */
  exec(sql: string): Promise<void>;
  /**
   * Gives the place back. If its last dump equals the freshly set-up state
   * (nothing was written, no counter moved), the next acquire() of the same
   * setup reuses it; otherwise it is dropped.
   */
  release(lastDump?: Dump): Promise<void>;
}

/**
 * Places made by one setup script, reused while untouched. Creating a MariaDB
 * database with two InnoDB tables costs 50-250 ms (DDL log, files, fsync),
 * far more than the run it serves; most runs only read, so most places are
 * used many times. The check is exact (deep equality of dumps), so a place
 * that a run changed in any way is never handed out again.
 */
export abstract class ScratchServer {
  private readonly idle = new Map<string, Scratch[]>();
  private readonly pristine = new Map<string, string>();
  private readonly pending = new Set<Promise<unknown>>();

  protected abstract create(name: string, setupSql: string): Promise<void>;
  protected abstract execIn(name: string, sql: string): Promise<void>;
  protected abstract destroy(name: string): Promise<void>;
  protected abstract dumpOf(name: string): Promise<Dump>;
  protected abstract urlOf(name: string): string;
  abstract readonly pool: { query(sql: string): Promise<unknown>; end(): Promise<void> };

  /** A place set up by `setupSql` (run with the place as default schema / database) that no one else uses. */
  async acquire(setupSql: string, prefix = 'run'): Promise<Scratch> {
    const reusable = this.idle.get(setupSql)?.pop();
    if (reusable) return reusable;
    const name = scratchName(prefix);
    await this.create(name, setupSql);
    if (!this.pristine.has(setupSql)) this.pristine.set(setupSql, stableJson(await this.dumpOf(name)));
    const place: Scratch = {
      name,
      url: this.urlOf(name),
      dump: () => this.dumpOf(name),
      exec: (sql) => this.execIn(name, sql),
      release: async (lastDump) => {
        const after = lastDump ?? (await this.dumpOf(name));
        if (stableJson(after) === this.pristine.get(setupSql)) {
          this.idle.set(setupSql, [...(this.idle.get(setupSql) ?? []), place]);
          return;
        }
        // Dropped in the background; end() waits for it.
        const dropping = this.destroy(name).catch(() => undefined).finally(() => this.pending.delete(dropping));
        this.pending.add(dropping);
      },
    };
    return place;
  }

  /** Drops every place still held and closes the connections. */
  async end(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    for (const places of this.idle.values()) for (const place of places) await this.destroy(place.name).catch(() => undefined);
    this.idle.clear();
    await this.pool.end();
  }
}

/** JSON with bigints and Dates spelled out, for exact comparison of dumps. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? v.toString('hex') : v));
}

const quotePg = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteMy = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/**
 * PostgreSQL: each place is a schema in the server's database, made by the
 * setup script with search_path set to it (so the DDL names tables
 * unqualified). A database per place would copy the template's catalogs.
 */
export class PostgresScratch extends ScratchServer {
  readonly pool: pg.Pool;
  constructor(readonly url: string) {
    super();
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
  }

  protected async create(name: string, setupSql: string): Promise<void> {
    await this.pool.query(`CREATE SCHEMA ${quotePg(name)}`);
    await this.execIn(name, setupSql);
  }

  protected async execIn(name: string, sql: string): Promise<void> {
    await this.pool.query(`SET search_path TO ${quotePg(name)}; ${sql}; RESET search_path;`);
  }

  protected async destroy(name: string): Promise<void> {
    await this.pool.query(`DROP SCHEMA ${quotePg(name)} CASCADE`);
  }

  protected dumpOf(name: string): Promise<Dump> {
    return dumpPostgres(this.pool, name);
  }

  protected urlOf(name: string): string {
    const url = new URL(this.url);
    url.searchParams.set('options', `-c search_path=${name}`);
    return url.toString();
  }
}

async function dumpPostgres(pool: pg.Pool, schema: string): Promise<Dump> {
  const client = await pool.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
      [schema],
    );
    const dump: Dump = {};
    for (const { table_name: table } of tables.rows) {
      const key = await client.query<{ column_name: string }>(
        `SELECT a.attname AS column_name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [`${quotePg(schema)}.${quotePg(table)}`],
      );
      const order = key.rows.length > 0 ? key.rows.map((r) => quotePg(r.column_name)).join(', ') : '1';
      dump[table] = (await client.query(`SELECT * FROM ${quotePg(schema)}.${quotePg(table)} ORDER BY ${order}`)).rows;
    }
    const sequences = await client.query<{ sequencename: string; last_value: string | null }>(
      `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = $1 ORDER BY sequencename`,
      [schema],
    );
    dump['(sequences)'] = sequences.rows;
    return dump;
  } finally {
    client.release();
  }
}

/**
 * MariaDB: each place is a database, made by the setup script after `USE` of
 * it (so the DDL names tables unqualified), in one round trip.
 */
export class MariaDbScratch extends ScratchServer {
  readonly pool: mariadb.Pool;
  constructor(readonly url: string) {
    super();
    this.pool = mariadb.createPool({ ...mariaDbConnection(url), multipleStatements: true, connectionLimit: 4 });
  }

  protected async create(name: string, setupSql: string): Promise<void> {
    await this.pool.query(`CREATE DATABASE ${quoteMy(name)}`);
    await this.execIn(name, setupSql);
  }

  protected async execIn(name: string, sql: string): Promise<void> {
    await this.pool.query(`USE ${quoteMy(name)}; ${sql}`);
  }

  protected async destroy(name: string): Promise<void> {
    await this.pool.query(`DROP DATABASE ${quoteMy(name)}`);
  }

  protected dumpOf(name: string): Promise<Dump> {
    return dumpMariaDb(this.pool, name);
  }

  protected urlOf(name: string): string {
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    return url.toString();
  }
}

/** Connection options for the mariadb driver from a mariadb:// URL. */
export function mariaDbConnection(url: string): { host: string; port: number; user: string; password: string } {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

async function dumpMariaDb(pool: mariadb.Pool, database: string): Promise<Dump> {
  const conn = await pool.getConnection();
  try {
    const tables = (await conn.query(
      `SELECT TABLE_NAME AS t, AUTO_INCREMENT AS ai FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
      [database],
    )) as { t: string; ai: number | bigint | null }[];
    const dump: Dump = {};
    for (const { t } of tables) {
      const key = (await conn.query(
        `SELECT COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION`,
        [database, t],
      )) as { c: string }[];
      const order = key.length > 0 ? key.map((k) => quoteMy(k.c)).join(', ') : '1';
      dump[t] = [...((await conn.query(`SELECT * FROM ${quoteMy(database)}.${quoteMy(t)} ORDER BY ${order}`)) as unknown[])];
    }
    dump['(auto_increment)'] = tables.map(({ t, ai }) => ({ table: t, next: ai === null ? null : String(ai) }));
    return dump;
  } finally {
    await conn.release();
  }
}

/** Opens the scratch place of `engine` at `url`, or says why it cannot (server down, bad URL). */
export async function openScratch(engine: 'postgresql', url: string): Promise<PostgresScratch>;
export async function openScratch(engine: 'mariadb', url: string): Promise<MariaDbScratch>;
export async function openScratch(engine: ServerEngine, url: string): Promise<ScratchServer> {
  const scratch: ScratchServer = engine === 'postgresql' ? new PostgresScratch(url) : new MariaDbScratch(url);
  try {
    await scratch.pool.query('SELECT 1');
  } catch (error) {
    await scratch.end().catch(() => undefined);
    throw new Error(`the ${engine} server at ${url} does not answer (${error instanceof Error ? error.message : String(error)}); run \`npm run db:up\``, { cause: error });
  }
  return scratch;
}
