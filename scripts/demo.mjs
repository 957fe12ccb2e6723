// npm run demo — pushdown on the bundled example apps:
//   1. the dry runs: what pushdown would change, and what it only reports, on
//      examples/prisma-app, then on one app per other ORM (mikro-orm-app,
//      sequelize-app, mongoose-app, typeorm-app, drizzle-app);
//   2. the app as written vs the app as pushdown rewrites it, run against a
//      SQLite database of 100k users, 100k orders and 100k jobs, measured
//      the way `npm run bench:queries` measures (bench/queries/measure.ts):
//      wall time per call, peak heap, rows crossing from the database into
//      JS (counted at the driver), and the peak RSS of each process.
//
// Needs only `npm ci` (which builds dist/). Generated files live in
// gitignored places: examples/prisma-app/generated (prisma generate),
// examples/prisma-app/.data (the cached database), examples/prisma-app/.after
// (the rewritten copy of src/). `--rows <n>` changes the table size.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, int, machine, mb, measure, ms, rewrite, textTable } from '../bench/queries/harness.mjs';

const { values: cli } = parseArgs({ options: { rows: { type: 'string', default: '100000' } } });
const N = Number(cli.rows);
const APP = join(REPO_ROOT, 'examples', 'prisma-app');
const SCHEMA = join(APP, 'prisma', 'schema.prisma');
const GENERATED = join(APP, 'generated');
const AFTER = join(APP, '.after');
const DATA = join(APP, '.data');
const DB_VERSION = 1; // bump when seed.mjs changes

/** The app's entry points, called in this order in one process per side. */
const TASKS = [
  ['users.ts', 'activeUserCount'],
  ['users.ts', 'hasTeamUsers'],
  ['users.ts', 'firstSignupEmail'],
  ['users.ts', 'newsletterRecipients'],
  ['reports.ts', 'paidOrderCount'],
  ['reports.ts', 'revenueCents'],
  ['jobs.ts', 'retryFailedJobs'],
  ['reports.ts', 'teamOrderTotals'], // an N+1 loop: one query per account
  ['reports.ts', 'planCount'], // last: the one load pushdown only reports sets the process's peak from here on
];

const say = (s = '') => process.stdout.write(`${s}\n`);
const started = performance.now();

// ------------------------------------------------------------ 1. dry runs
if (!existsSync(join(REPO_ROOT, 'dist', 'bin', 'pushdown.js'))) {
  say('dist/ is missing: run `npm ci` (or `npm run build`) first.');
  process.exit(2);
}
say('$ pushdown examples/prisma-app        (dry run: prints the diff, writes nothing)\n');
const dry = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'bin', 'pushdown.js'), 'examples/prisma-app'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (dry.status !== 0 && dry.status !== 1) process.exit(dry.status ?? 2);
say('\n$ pushdown examples/mikro-orm-app     (dry run: a MikroORM 6 service; every MikroORM rewrite is review, see the README)\n');
const dryMikro = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'bin', 'pushdown.js'), 'examples/mikro-orm-app'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (dryMikro.status !== 0 && dryMikro.status !== 1) process.exit(dryMikro.status ?? 2);

// The other ORMs' example apps: their dry runs (the proofs of their rewrites are the
// real-database fixture suites, npm test).
for (const example of ['sequelize-app', 'mongoose-app']) {
  say(`\n$ pushdown examples/${example}        (dry run)\n`);
  const other = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'bin', 'pushdown.js'), `examples/${example}`], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (other.status !== 0 && other.status !== 1) process.exit(other.status ?? 2);
}
say('\n$ pushdown examples/typeorm-app       (dry run: a NestJS + TypeORM service layer)\n');
const dryTypeorm = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'bin', 'pushdown.js'), 'examples/typeorm-app'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (dryTypeorm.status !== 0 && dryTypeorm.status !== 1) process.exit(dryTypeorm.status ?? 2);

// The same anti-patterns in a Drizzle app (select chains, tables from sqliteTable): each ORM plugin says them its own way.
say('\n$ pushdown examples/drizzle-app       (dry run)\n');
const dryDrizzle = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'bin', 'pushdown.js'), 'examples/drizzle-app'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (dryDrizzle.status !== 0 && dryDrizzle.status !== 1) process.exit(dryDrizzle.status ?? 2);

// ------------------------------------------------------------ 2. before / after
say(`\nMeasuring the Prisma app as written and as rewritten, on ${int(N)} rows per table…`);
generateClient();
const db = await database();
const changed = rewriteCopy();

const tasks = (dir) => TASKS.map(([file, fn]) => ({ label: fn, module: join(dir, file), export: fn, args: [] }));
const run = (dir) =>
  measure({
    tasks: tasks(dir),
    client: join(dir, 'db.ts'),
    warmupModel: 'user',
    env: { DATABASE_URL: `file:${db}` },
    timeoutMs: 120_000,
  });
const before = await run(join(APP, 'src'));
const after = await run(join(AFTER, 'src'));
for (const [name, m] of [['as written', before], ['rewritten', after]]) {
  if (m.status !== 'ok') {
    say(`\nThe app ${name} did not finish: ${m.status}: ${m.detail}`);
    process.exit(1);
  }
}

const rows = TASKS.map(([file, fn], i) => {
  const b = before.tasks[i];
  const a = after.tasks[i];
  return [
    `${file.replace('.ts', '')}.${fn}`,
    changed.get(fn) ?? 'unchanged',
    ms(b.wallMs),
    ms(a.wallMs),
    int(b.rows),
    int(a.rows),
    mb(b.peakHeap),
    mb(a.peakHeap),
    mb(b.maxRssSoFar),
    mb(a.maxRssSoFar),
    b.resultHash === a.resultHash ? 'same' : 'DIFFERS',
  ];
});
const sum = (m, k) => m.tasks.reduce((s, t) => s + t[k], 0);
rows.push([`all ${TASKS.length}, one process`, '', ms(sum(before, 'wallMs')), ms(sum(after, 'wallMs')), int(sum(before, 'rows')), int(sum(after, 'rows')), '', '', mb(before.maxRss), mb(after.maxRss), '']);
say('');
say(textTable(['call', 'pushdown edit', 'wall before', 'after', 'rows DB→JS before', 'after', 'peak heap before', 'after', 'peak RSS so far, before', 'after', 'result'], rows));
say('');
say(`Each side is one process calling the ${TASKS.length} in order; "peak RSS so far" is its maxRSS after each call (RSS is rarely given back, so a`);
say(`call only shows up there if it raises the peak). Start-up floor ≈ ${mb(Math.min(before.baseRss, after.baseRss))}. Rows are counted at the driver (better-sqlite3).`);
const info = machine();
say(`${int(N)} users, orders and jobs in SQLite; ${info.nproc} × ${info.cpu}, Node ${info.node}. demo took ${ms(performance.now() - started)}.`);
say('Per-rule figures at 10k, 100k and 1M rows: npm run bench:queries (bench/RESULTS.md).');

// ------------------------------------------------------------ helpers
/** prisma generate for the example, offline, skipped when the schema has not changed. */
function generateClient() {
  const require = createRequire(import.meta.url);
  const prismaPkg = require.resolve('prisma/package.json');
  const stamp = createHash('sha256')
    .update(readFileSync(SCHEMA))
    .update(readFileSync(join(APP, 'prisma.config.ts')))
    .update(JSON.parse(readFileSync(prismaPkg, 'utf8')).version)
    .digest('hex');
  const stampFile = join(GENERATED, '.pushdown-stamp');
  if (existsSync(join(GENERATED, 'client.ts')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  const r = spawnSync(process.execPath, [join(dirname(prismaPkg), 'build', 'index.js'), 'generate', '--config', join(APP, 'prisma.config.ts')], {
    cwd: APP,
    encoding: 'utf8',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  if (r.status !== 0) throw new Error(`prisma generate failed for ${relative(REPO_ROOT, SCHEMA)}:\n${r.stdout}${r.stderr}`);
  writeFileSync(stampFile, stamp);
  say(`  generated the Prisma client into ${relative(REPO_ROOT, GENERATED)}/`);
}

/** The seeded database, built once and cached in examples/prisma-app/.data/. */
async function database() {
  const path = join(DATA, `demo-${N}-v${DB_VERSION}.db`);
  if (existsSync(path)) return path;
  mkdirSync(DATA, { recursive: true });
  const t = performance.now();
  const { seed } = await import(join(APP, 'seed.mjs'));
  seed(path, N);
  say(`  seeded ${relative(REPO_ROOT, path)} in ${ms(performance.now() - t)}`);
  return path;
}

/**
 * examples/prisma-app/.after/src: a copy of src/ with pushdown's edits (all
 * rules, every edit the dry run shows), and a link to the
 * generated client so its imports resolve. Returns, for each function whose
 * text changed, the rules and tiers of the edits in it.
 */
function rewriteCopy() {
  rmSync(AFTER, { recursive: true, force: true });
  cpSync(join(APP, 'src'), join(AFTER, 'src'), { recursive: true });
  symlinkSync('../generated', join(AFTER, 'generated'), 'dir');
  const { results } = rewrite({ files: [join(APP, 'src')], schema: SCHEMA });
  const changed = new Map();
  for (const f of results) {
    if (f.status !== 'changed' || !f.after) continue;
    writeFileSync(join(AFTER, 'src', relative(join(APP, 'src'), f.absPath)), f.after);
    for (const [, fn] of TASKS) {
      const range = functionRange(f.before, fn);
      if (!range || range.text === functionRange(f.after, fn)?.text) continue;
      const edits = f.edits.filter((e) => e.line >= range.first && e.line <= range.last);
      changed.set(fn, edits.map((e) => `${e.rule} (${e.tier})`).join(', ') || 'rewritten');
    }
  }
  return changed;
}

/** The text and 1-based line span of `export async function name(`…, up to the next export. */
function functionRange(source, name) {
  const start = source.indexOf(`export async function ${name}(`);
  if (start < 0) return undefined;
  const next = source.indexOf('\nexport ', start + 1);
  const text = source.slice(start, next < 0 ? undefined : next);
  const first = source.slice(0, start).split('\n').length;
  return { text, first, last: first + text.split('\n').length - 1 };
}
