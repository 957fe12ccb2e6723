// Shared by bench/queries.ts and scripts/demo.mjs: run one measured child
// process (bench/queries/measure.ts), rewrite files with pushdown's runner
// API, format figures, describe the machine. Plain ESM so the demo can import
// it without tsx.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MEASURE = join(REPO_ROOT, 'bench', 'queries', 'measure.ts');

/**
 * Runs one measurement in a fresh `node --import tsx` process.
 * Resolves to { status: 'ok', ...figures } | { status: 'timeout' | 'oom' | 'error', detail, elapsedMs }.
 */
export function measure({ module, tasks, exportName = 'run', args = [], client, db, passClient = false, warmupDb, warmupModel, heapLimitMb, env = {}, timeoutMs = 120_000 }) {
  const argv = ['--import', 'tsx', '--expose-gc', ...(heapLimitMb ? [`--max-old-space-size=${heapLimitMb}`] : []), MEASURE];
  if (tasks) argv.push('--tasks', JSON.stringify(tasks));
  else argv.push('--module', module, '--export', exportName, '--args', JSON.stringify(args));
  if (client) argv.push('--client', client);
  if (db) argv.push('--db', db);
  if (passClient) argv.push('--pass-client');
  if (warmupDb) argv.push('--warmup-db', warmupDb);
  if (warmupModel) argv.push('--warmup-model', warmupModel);
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 20_000) err = err.slice(-10_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const elapsedMs = performance.now() - started;
      const line = out.split('\n').find((l) => l.startsWith('MEASURE:'));
      if (line) return done({ status: 'ok', ...JSON.parse(line.slice('MEASURE:'.length)) });
      if (timedOut) return done({ status: 'timeout', detail: `killed after ${Math.round(timeoutMs / 1000)} s`, elapsedMs });
      if (/heap out of memory|Allocation failed|Reached heap limit/i.test(err)) {
        return done({ status: 'oom', detail: `JavaScript heap out of memory after ${(elapsedMs / 1000).toFixed(1)} s (${signal ?? `exit ${code}`})`, elapsedMs });
      }
      const errLine = out.split('\n').find((l) => l.startsWith('MEASURE-ERROR:'));
      const detail = errLine ? JSON.parse(errLine.slice('MEASURE-ERROR:'.length)) : `${signal ?? `exit ${code}`}: ${err.trim().split('\n').slice(-3).join(' | ')}`;
      done({ status: 'error', detail, elapsedMs });
    });
  });
}

/**
 * What pushdown emits for `files` (absolute paths) with only `rules`
 * (undefined = all), using the built runner (dist/, made by `npm ci`). Runs
 * in a plain `node` child: pushdown's dependencies do not all load under tsx.
 * Resolves to { results: FileResult[], unknownRule?: string }.
 */
export function rewrite({ files, rules, schema, cwd = REPO_ROOT }) {
  const request = JSON.stringify({ files, rules, schema, cwd });
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'rewrite', request], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pushdown rewrite failed: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout);
}

async function rewriteInProcess({ files, rules, schema, cwd }) {
  const runner = await import(pathToFileURL(join(REPO_ROOT, 'dist', 'lib', 'runner', 'index.js')).href);
  try {
    const result = await runner.runPushdown({
      paths: files,
      cwd,
      mode: 'dry-run',
      unsafe: false,
      transforms: rules,
      ignore: [],
      extensions: ['ts'],
      force: false,
      jobs: 0,
      schema,
    });
    return { results: result.files };
  } catch (err) {
    if (err?.name === 'UsageError' || /unknown rule/.test(String(err?.message))) return { results: [], unknownRule: String(err.message) };
    throw err;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'rewrite') {
  process.stdout.write(JSON.stringify(await rewriteInProcess(JSON.parse(process.argv[3]))));
}

export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const ms = (t) => (t >= 10_000 ? `${(t / 1000).toFixed(1)} s` : t >= 100 ? `${t.toFixed(0)} ms` : `${t.toFixed(1)} ms`);
export const int = (n) => n.toLocaleString('en-US');

export function machine() {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return {
    nproc: availableParallelism(),
    cpu,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    heapLimit: `${(getHeapStatistics().heap_size_limit / 2 ** 20).toFixed(0)} MB`,
    node: process.version,
    load,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** A Markdown table from a header row and rows of cells. */
export function markdownTable(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** A plain-text table, columns padded, for the terminal. */
export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const fmt = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}
