// npm run bench:queries — what each rule's rewrite does to time, memory and
// the rows that cross from the database into JS, on User tables of 10k, 100k
// and 1M rows (the N+1 case, loop-query-to-in, at 1k and 10k users: see CASE_SIZES) (SQLite files, built once and cached under .tmp/bench-queries/).
//
// For each rule, bench/queries/cases/<rule>.ts is the original code (a
// `run(prisma)` module on the test schema, test/prisma/schema.prisma), and
// the rewritten code is whatever pushdown's built runner (dist/) emits for it
// with only that rule selected: the bench measures what the rule emits today.
// A rule that is not registered, or does not rewrite its case, is reported
// as such and only the original is measured.
//
// Every measurement is its own child process (bench/queries/measure.ts);
// see there for how rows and memory are counted. Each child has a timeout
// (--timeout, seconds); a timeout or an out-of-memory death is reported as
// what happened.
//
//   tsx bench/queries.ts [--sizes 10000,100000,1000000] [--rules a,b] [--timeout 180] [--no-write]
//                        [--heap-limit <MB>]   (--max-old-space-size for the children: a live-set
//                                               check, since a peak of heapUsed includes garbage
//                                               V8 has not collected yet)
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SCHEMA_SQL, SCHEMA_PATH, generateClient, sqliteDateTime } from '../test/prisma/setup.js';
// @ts-expect-error plain ESM helper without types
import { REPO_ROOT, int, machine, markdownTable, mb, measure, ms, rewrite, textTable } from './queries/harness.mjs';

const { values: cli } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    rules: { type: 'string' },
    timeout: { type: 'string', default: '180' },
    'no-write': { type: 'boolean', default: false },
    'heap-limit': { type: 'string' },
  },
});
const SIZES = cli.sizes!.split(',').map((s) => Number(s.trim()));
/**
 * Cases measured at their own sizes (users in the table), whatever --sizes
 * says: the N+1 loop runs one query per user, so the original takes minutes
 * past 10k users.
 */
const CASE_SIZES: Record<string, number[]> = { 'loop-query-to-in': [1000, 10000] };
const sizesOf = (rule: string): number[] => CASE_SIZES[rule] ?? SIZES;
const TIMEOUT_MS = Number(cli.timeout) * 1000;
const CASES_DIR = join(REPO_ROOT, 'bench', 'queries', 'cases');
const WORK = join(REPO_ROOT, '.tmp', 'bench-queries');
const AFTER_DIR = join(WORK, 'after'); // same depth as cases/, so relative imports keep their meaning
const CLIENT = join(REPO_ROOT, 'test', 'prisma', 'client.ts');
const RESULTS = join(REPO_ROOT, 'bench', 'RESULTS.md');
const DB_VERSION = 2; // bump when the generated data changes

// ---------------------------------------------------------------- data
/**
 * A User table of n rows, built with one prepared INSERT in one transaction
 * and cached. Deterministic: two thirds active, ages 18..77, every 7th name
 * NULL, every 5th bonus NULL. Posts for the N+1 case: user i has i % 4 posts
 * (0–3, 1.5 on average), three in four published, with an index on
 * authorId (as a foreign key usually has).
 */
function benchDb(n: number): string {
  const path = join(WORK, n === 0 ? `empty-v${DB_VERSION}.db` : `users-${n}-v${DB_VERSION}.db`);
  if (existsSync(path)) return path;
  mkdirSync(WORK, { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const started = performance.now();
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(SCHEMA_SQL);
  const insert = db.prepare(
    'INSERT INTO "User" ("id", "email", "name", "age", "score", "active", "createdAt", "bonus", "balance") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertPost = db.prepare('INSERT INTO "Post" ("id", "title", "views", "published", "rating", "authorId") VALUES (?, ?, ?, ?, ?, ?)');
  let postId = 0;
  const t0 = Date.UTC(2020, 0, 1);
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      insert.run(
        i,
        `user${i}@example.com`,
        i % 7 === 0 ? null : `User ${i}`,
        18 + (i % 60),
        (i * 37) % 1000 / 10,
        i % 3 === 0 ? 0 : 1,
        sqliteDateTime(new Date(t0 + i * 60_000)),
        i % 5 === 0 ? null : i % 100,
        (i % 100_000) / 100,
      );
      for (let k = 0; k < i % 4; k++) {
        postId++;
        insertPost.run(postId, `Post ${postId}`, (postId * 13) % 500, postId % 4 === 0 ? 0 : 1, null, i);
      }
    }
  })();
  db.exec('CREATE INDEX "Post_authorId_idx" ON "Post"("authorId")');
  db.close();
  renameSync(tmp, path);
  console.error(`  built ${relative(REPO_ROOT, path)} (${int(n)} users) in ${ms(performance.now() - started)}`);
  return path;
}

/** Reads the file once so every run starts with it in the page cache. */
function warmPageCache(path: string): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
}

// ---------------------------------------------------------------- rewrites
interface Case {
  rule: string;
  input: string;
  after?: string;
  diff?: string;
  tiers?: string;
  note?: string;
}

async function prepareCases(only?: string[]): Promise<Case[]> {
  const names = readdirSync(CASES_DIR).filter((f) => f.endsWith('.ts')).map((f) => basename(f, '.ts'));
  const order = ['length-to-count', 'length-check-to-exists', 'index-to-find-first', 'loop-to-batches', 'loop-query-to-in', 'map-to-select', 'reduce-to-aggregate'];
  names.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  rmSync(AFTER_DIR, { recursive: true, force: true });
  mkdirSync(AFTER_DIR, { recursive: true });
  const cases: Case[] = [];
  for (const rule of names) {
    if (only && !only.includes(rule)) continue;
    const input = join(CASES_DIR, `${rule}.ts`);
    const { results, unknownRule } = rewrite({ files: [input], rules: [rule], schema: SCHEMA_PATH });
    if (unknownRule) {
      cases.push({ rule, input, note: `rule not in this build of pushdown (dist/); original measured only` });
      continue;
    }
    const file = results[0];
    if (!file || file.status !== 'changed' || !file.after) {
      const why = file?.findings?.[0]?.message ?? file?.error?.message ?? 'no edit';
      cases.push({ rule, input, note: `not rewritten (${why}); original measured only` });
      continue;
    }
    const after = join(AFTER_DIR, `${rule}.ts`);
    writeFileSync(after, file.after);
    const tiers = [...new Set(file.edits.map((e: { tier: string }) => e.tier))].join(', ');
    cases.push({ rule, input, after, diff: file.diff, tiers });
  }
  return cases;
}

// ---------------------------------------------------------------- run
type Measurement = Record<string, any> & { status: string };
interface Row {
  rule: string;
  n: number;
  variant: 'original' | 'rewritten';
  m: Measurement;
  same?: boolean;
}

function cells(r: Row): string[] {
  const m = r.m;
  const head = [r.rule, int(r.n), r.variant];
  if (m.status !== 'ok') return [...head, `**${m.status}**: ${m.detail}`, '', '', '', '', ''];
  return [
    ...head,
    ms(m.wallMs),
    mb(m.maxRss),
    mb(m.peakHeap),
    int(m.rows),
    String(m.statements),
    r.variant === 'rewritten' ? (r.same === undefined ? 'n/a' : r.same ? 'same' : '**DIFFERS**') : '',
  ];
}
const HEADER = ['rule', 'table rows', 'code', 'wall (call)', 'peak RSS', 'peak heap used', 'rows DB→JS', 'statements', 'result'];

async function main(): Promise<void> {
  generateClient();
  const loadAtStart = machine().load;
  const cases = await prepareCases(cli.rules?.split(','));
  const warmupDb = benchDb(0);
  const rows: Row[] = [];
  const allSizes = [...new Set(cases.flatMap((c) => sizesOf(c.rule)))].sort((a, b) => a - b);
  for (const n of allSizes) {
    const db = benchDb(n);
    warmPageCache(db);
    for (const c of cases) {
      if (!sizesOf(c.rule).includes(n)) continue;
      const variants: Array<['original' | 'rewritten', string]> = [['original', c.input]];
      if (c.after) variants.push(['rewritten', c.after]);
      let originalHash: string | undefined;
      for (const [variant, module] of variants) {
        const m: Measurement = await measure({ module, client: CLIENT, db, passClient: true, warmupDb, heapLimitMb: cli['heap-limit'] ? Number(cli['heap-limit']) : undefined, timeoutMs: TIMEOUT_MS });
        const row: Row = { rule: c.rule, n, variant, m };
        if (variant === 'original' && m.status === 'ok') originalHash = m.resultHash;
        if (variant === 'rewritten' && m.status === 'ok' && originalHash) row.same = m.resultHash === originalHash;
        rows.push(row);
        console.error(`  ${textTable(HEADER, [cells(row)]).split('\n')[2]}`);
      }
    }
  }

  const info = machine();
  console.log(`\n${textTable(HEADER, rows.map(cells)).replaceAll('**', '')}\n`);
  for (const c of cases) if (c.note) console.log(`${c.rule}: ${c.note}`);
  console.log(`\n${info.nproc} × ${info.cpu}, ${info.memory} RAM, Node ${info.node}, heap limit ${info.heapLimit}, ${info.date}`);

  if (cli['no-write']) return;
  const START = '<!-- heap-limit run: start -->';
  const END = '<!-- heap-limit run: end -->';
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const kept = previous.includes(START) && previous.includes(END) ? previous.slice(previous.indexOf(START), previous.indexOf(END) + END.length) : '';
  if (cli['heap-limit']) {
    // A live-set check: only its own section of RESULTS.md is replaced.
    const section = [
      START,
      `## Live-set check: the same code under --max-old-space-size=${cli['heap-limit']}`,
      '',
      'A peak of `heapUsed` includes garbage V8 has not collected yet, so it overstates what a run needs. Here every child runs with a small old space:',
      'code that needs the whole result alive at once dies with "heap out of memory"; code whose live data is bounded finishes.',
      `\`npm run bench:queries -- --sizes ${SIZES.join(',')} --heap-limit ${cli['heap-limit']}\` on ${info.nproc} × ${info.cpu}, Node ${info.node}, ${info.date} (load average ${loadAtStart} → ${info.load}).`,
      '',
      markdownTable(HEADER, rows.map(cells)),
      END,
    ].join('\n');
    const body = previous.includes(START) ? previous.replace(kept, section) : `${previous.trimEnd()}\n\n${section}\n`;
    writeFileSync(RESULTS, body);
    console.log(`wrote the live-set section of ${relative(REPO_ROOT, RESULTS)}`);
    return;
  }
  const md = [
    '# Query benchmark: original vs rewritten code',
    '',
    'Written by `npm run bench:queries` (bench/queries.ts); the latest run replaces this file.',
    '',
    `Machine: ${info.nproc} × ${info.cpu}, ${info.memory} RAM, Node ${info.node} (V8 heap limit ${info.heapLimit}), run ${info.date}.`,
    `Load average (1, 5, 15 min) at start: ${loadAtStart}; at end: ${info.load}. Wall times are only comparable between runs on a quiet machine; rows and memory do not depend on load.`,
    `Sizes: ${SIZES.map(int).join(', ')} rows in the User table${Object.keys(CASE_SIZES).length ? ` (${Object.entries(CASE_SIZES).map(([r, z]) => `${r}: ${z.map(int).join(', ')}`).join('; ')})` : ''} (SQLite file, better-sqlite3 driver adapter, Prisma ${prismaVersion()}). Timeout per run: ${TIMEOUT_MS / 1000} s.${cli['heap-limit'] ? ` Heap limit per run: --max-old-space-size=${cli['heap-limit']}.` : ''}`,
    '',
    markdownTable(HEADER, rows.map(cells)),
    '',
    '## How it is measured',
    '',
    '- Each cell is its own `node --import tsx` child process. It first calls `run` once on an empty copy of the schema with its own client (so Prisma\'s one-off query-compiler start-up is not timed), then opens the client on the measured file, runs a warm-up `SELECT 1`, and times one call of `run(prisma)`.',
    '- **wall (call)**: `performance.now()` around that call only (process start-up and client start-up excluded).',
    '- **peak RSS**: `process.resourceUsage().maxRSS` at the end of the child: the peak of the whole process, so it includes the ~start-up floor (Node, tsx, the Prisma client) that every row shares.',
    '- **peak heap used**: the highest `process.memoryUsage().heapUsed` sampled every 5 ms during the call and right after every statement returns its rows (a synchronous `.all()` blocks the timer, so the hook samples when the rows have just landed in JS).',
    '- **rows DB→JS**: counted at the driver, below Prisma: `Statement#all`, `#get` and `#iterate` of better-sqlite3 are wrapped in the child, and every row they hand to JS is counted (the Prisma adapter reads every result with `stmt.raw().all()`). **statements**: how many statements returned rows or ran.',
    '- **result**: `same` when the rewritten code returned exactly the JSON of the original (sha1 compared).',
    '- The rewritten code is what pushdown (dist/, with only that rule) emits for `bench/queries/cases/<rule>.ts`, regenerated on every run.',
    '- A peak of `heapUsed` includes garbage V8 has not collected yet; the live-set section at the end (when present, from a `--heap-limit` run) shows which code can run in a small heap at all.',
    '',
    '## The code measured',
    '',
    ...cases.flatMap((c) => [
      `### ${c.rule}`,
      '',
      c.note ? `${c.note}.` : `Rewrite tier: ${c.tiers}.`,
      '',
      '```diff',
      (c.diff ?? readFileSync(c.input, 'utf8')).trimEnd(),
      '```',
      '',
    ]),
  ].join('\n');
  writeFileSync(RESULTS, kept ? `${md.trimEnd()}\n\n${kept}\n` : md);
  console.log(`wrote ${relative(REPO_ROOT, RESULTS)}`);
}

function prismaVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@prisma', 'client', 'package.json'), 'utf8')) as { version: string }).version;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
