/**
 * Where the database behind a Prisma schema (its datasource `provider`)
 * disagrees with the JavaScript a rewrite replaces, in the words an edit's
 * message uses. Each difference named here is demonstrated on the real
 * engine by __tests__/engine-disagreements.test.ts (SQLite, PostgreSQL 15
 * with en_US.UTF-8, MariaDB with utf8mb4 `_ci` collations); SQL Server and
 * MongoDB are described from their documented defaults, not run.
 *
 * An unknown provider (no schema, or one pushdown does not know) gets the
 * most cautious wording: the database may be any of them.
 */

/** The datasource provider, lower-cased, or undefined when no schema says. */
export function providerName(provider: string | undefined): string | undefined {
  return provider?.toLowerCase();
}

const isPostgres = (p: string | undefined) => p === 'postgresql' || p === 'postgres' || p === 'cockroachdb';

/**
 * Why `===` on a String field may differ from the database's `=`, or
 * undefined where the database compares strings exactly as `===` does
 * (SQLite's BINARY, PostgreSQL's deterministic collations, MongoDB's binary
 * comparison).
 */
export function stringEqualityNote(provider: string | undefined): string | undefined {
  const p = providerName(provider);
  if (p === 'sqlite' || isPostgres(p) || p === 'mongodb') return undefined;
  if (p === 'mysql') {
    return "MySQL and MariaDB compare strings under the column's collation: the usual `_ci` ones (utf8mb4_unicode_ci, which Prisma Migrate uses, utf8mb4_general_ci) ignore case and accents, and PAD SPACE ones trailing spaces (`'Bob'` = `'bob'`, `'Mallory'` = `'Mallory '`), while `===` compares code units";
  }
  if (p === 'sqlserver') return "SQL Server's default collations are case-insensitive (`_CI_`) and ignore trailing spaces, while `===` compares code units";
  return 'string equality follows the database collation (MySQL `_ci` collations ignore case, PAD SPACE ones trailing spaces; SQL Server defaults to case-insensitive), while `===` compares code units';
}

/** Why `<`, `>`, `<=`, `>=` on a String field may differ from the database's: on every provider, in its own way. */
export function stringOrderNote(provider: string | undefined): string {
  const p = providerName(provider);
  if (p === 'sqlite') {
    return 'SQLite orders strings by their UTF-8 bytes (code points), JavaScript by UTF-16 code units: characters beyond U+FFFF (emoji) sort after U+E000–U+FFFF in SQLite and before them in JavaScript';
  }
  if (isPostgres(p)) {
    return "PostgreSQL orders strings by the database collation, linguistic under the usual en_US.UTF-8 (`'apple' < 'B'`, accents beside their letter), while JavaScript compares UTF-16 code units (`'B' < 'apple'`)";
  }
  if (p === 'mysql') {
    return "MySQL and MariaDB order strings by the column's collation, case- and accent-insensitive and linguistic under the usual `_ci` ones (`'apple' < 'B'`), while JavaScript compares UTF-16 code units (`'B' < 'apple'`)";
  }
  if (p === 'sqlserver') return "SQL Server orders strings by the collation, case-insensitive and linguistic by default (`'apple' < 'B'`), while JavaScript compares UTF-16 code units";
  if (p === 'mongodb') return 'MongoDB compares strings by their UTF-8 bytes unless a collation is set, JavaScript by UTF-16 code units: characters beyond U+FFFF sort differently';
  return "string order follows the database collation (linguistic on PostgreSQL, case-insensitive on MySQL: `'apple' < 'B'`), while JavaScript compares UTF-16 code units";
}

/**
 * Why `findFirst` may return another row than `findMany(...)[0]` when rows
 * tie on the order, or undefined where the database keeps tied rows in the
 * same order with and without LIMIT 1 (SQLite: its sorter keeps ties in scan
 * order either way).
 */
export function orderTiesNote(provider: string | undefined, order: string): string | undefined {
  const p = providerName(provider);
  if (p === 'sqlite') return undefined;
  const who = isPostgres(p) ? 'PostgreSQL' : p === 'mysql' ? 'MySQL and MariaDB' : p === 'sqlserver' ? 'SQL Server' : p === 'mongodb' ? 'MongoDB' : 'PostgreSQL and MySQL';
  return `rows that tie on ${order} come back in no fixed order, and ${who} pick${who.includes(' and ') ? '' : 's'} another of the tied rows for findFirst's LIMIT 1 (a top-N sort) than first in the full sort: if which tied row matters, end the orderBy with a unique field (\`{ id: 'asc' }\`) in both`;
}

/** Why a Float SUM may differ from `reduce((s, r) => s + r.f, 0)`. */
export function floatSumNote(provider: string | undefined): string {
  const p = providerName(provider);
  if (p === 'sqlite') {
    return 'SQLite adds floats with compensated (Kahan-Babuska-Neumaier) summation, JavaScript left to right: the last digits may differ, and whole units when large values cancel (1e16 + 1 - 1e16)';
  }
  return 'the database adds the floats in its own (storage) order, JavaScript in the order the rows were loaded: the last digits may differ, and whole units when large values cancel (1e16 + 1 - 1e16)';
}
