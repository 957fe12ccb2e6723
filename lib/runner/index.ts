/**
 * The runner, an exported API: discover -> prefilter -> parse and run rules
 * (worker threads when there is enough to do) -> write (only in write mode).
 * Returns records sorted by path; prints nothing.
 */
import { existsSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pluginIds, prefilterFor } from '../orm/core/registry.js';
import { defaultRuleOptions, type RuleOptions } from '../rule.js';
import type { EditTier, FileResult, RunOptions, RunResult, Totals, Withheld } from '../types.js';
import { rules as registry } from '../../transforms/index.js';
import { discoverFiles, TEMP_FILE } from './discover.js';
import { UsageError } from './errors.js';
import type { FileJob, ProcessConfig } from './process-file.js';
import { atomicWrite, gitDirtyFiles, type DirtyReason } from './write.js';
import { ProjectFacts } from './project.js';
import { emptyWithheld, selectFindings } from './findings.js';
import { ResultCache } from './cache.js';
import { readLatin1 } from './read-text.js';
import { StageClock } from './timing.js';

export { UsageError } from './errors.js';
export { DEFAULT_EXTENSIONS } from './discover.js';
export { TEST_FILE_GLOBS } from './findings.js';

export function selectRules(ids: string[] | undefined): string[] {
  if (!ids || ids.length === 0) return registry.map((r) => r.meta.id);
  const known = new Set(registry.map((r) => r.meta.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown rule ${unknown.map((u) => `'${u}'`).join(', ')}; valid rules: ${registry.map((r) => r.meta.id).join(', ')}`);
  }
  // Registry order, whatever order they were asked for in.
  return registry.map((r) => r.meta.id).filter((id) => ids.includes(id));
}

/** The --orm list, checked against the registry; undefined means "detect per file". */
export function selectOrms(ids: string[] | undefined): string[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  const known = pluginIds();
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown ORM ${unknown.map((u) => `'${u}'`).join(', ')}; known ORMs: ${known.join(', ')}`);
  return known.filter((id) => ids.includes(id));
}

export { pluginIds as ormIds } from '../orm/core/registry.js';

export async function runPushdown(opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const ruleIds = selectRules(opts.transforms);
  if (opts.batchSize !== undefined && (!Number.isInteger(opts.batchSize) || opts.batchSize < 1)) {
    throw new UsageError(`--batch-size must be a positive whole number, not ${opts.batchSize}`);
  }
  const orms = selectOrms(opts.orms);
  const temps: string[] = [];
  const discoveryWarnings: string[] = [];
  /** --timing: the run's stages. Without it, `timed` only runs its function. */
  const clock = opts.timing ? new StageClock() : undefined;
  const timed = <T>(stage: string, fn: () => T): T => (clock ? clock.time(stage, fn) : fn());
  const files = timed('discover', () => discoverFiles({
    cwd: opts.cwd,
    paths: opts.paths,
    ignore: opts.ignore,
    extensions: opts.extensions,
    onTempFile: (t) => temps.push(t),
    onWarning: (w) => discoveryWarnings.push(w),
  }));
  const tempWarnings = staleTempFiles(temps, opts);

  const asWritten = opts.mode === 'write' || opts.previewAsWritten === true;
  const applyTiers: EditTier[] = asWritten && !opts.unsafe ? ['safe'] : ['safe', 'review'];
  const projectStarted = performance.now();
  const project = await ProjectFacts.create(opts.cwd, opts.schema, orms);
  clock?.add('project', performance.now() - projectStarted);

  const results: FileResult[] = [];
  const jobs: FileJob[] = [];
  /** With a cache: each job's file as read (latin1: its bytes) and its entry key. */
  const read = new Map<FileJob, { text: string; key: string }>();
  for (const absPath of files) {
    const relPath = relative(opts.cwd, absPath).split(sep).join('/');
    let text: string;
    try {
      text = timed('read', () => readLatin1(absPath));
    } catch (err) {
      results.push(record(relPath, absPath, 'error', { message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? err}); it was left alone` }));
      continue;
    }
    const active = timed('project', () => {
      project.observe(text, relPath);
      return project.forFile(absPath);
    });
    if (active.orms.length > 0 && timed('prefilter', () => prefilterFor(active.orms).test(text))) {
      const job: FileJob = { absPath, relPath, ...active, size: text.length };
      jobs.push(job);
      if (opts.cache !== undefined) read.set(job, { text, key: timed('cache', () => ResultCache.key(job, text)) });
    } else results.push(record(relPath, absPath, 'skipped'));
  }

  timed('project', () => observeRestOfProject(project, opts, files));

  const ruleOptions: RuleOptions = {
    ...defaultRuleOptions,
    ...(opts.clientNames && opts.clientNames.length > 0 ? { clientNames: opts.clientNames } : {}),
    ...(opts.batchSize !== undefined ? { batchSize: opts.batchSize } : {}),
    ...(opts.models ? { models: opts.models } : {}),
  };
  const config: ProcessConfig = {
    ruleIds,
    applyTiers,
    ruleOptions,
    orm: timed('project', () => project.runData()),
    ...(opts.reportUnusedSuppressions === false ? { reportUnusedSuppressions: false } : {}),
  };

  const cache = opts.cache !== undefined ? timed('cache', () => ResultCache.open(resolve(opts.cwd, opts.cache as string), config)) : undefined;
  const toAnalyse: FileJob[] = [];
  for (const job of jobs) {
    const seen = read.get(job);
    const hit = cache && seen ? timed('cache', () => cache.get(job, seen.key, seen.text)) : undefined;
    if (hit) results.push(hit);
    else toAnalyse.push(job);
  }
  opts.onPlan?.({ files: toAnalyse.length, largestFile: toAnalyse.reduce((max, j) => Math.max(max, j.size ?? 0), 0) });
  // The analysis (rules, engine, @babel/traverse) is loaded only when there is a file to analyse.
  // (--timing is not in the config the cache keys on: a timed run answers from the cache like any other.)
  const analysisStarted = performance.now();
  const processed =
    toAnalyse.length > 0
      ? await (await import('./pool.js')).runJobs(toAnalyse, clock ? { ...config, timing: true } : config, opts.jobs, { signal: opts.signal, onProgress: opts.onProgress })
      : { results: [], workers: 0, timings: [] };
  if (clock) {
    if (toAnalyse.length > 0) clock.add('analysis', performance.now() - analysisStarted);
    for (const t of processed.timings) clock.merge(t);
  }
  results.push(...processed.results);
  const cacheWarning = cache ? timed('cache', () => keepInCache(cache, toAnalyse, read, processed.results)) : undefined;
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const selected = selectFindings(results, opts);

  if (opts.mode === 'write' && !opts.signal?.aborted) {
    const writeStarted = performance.now();
    await writeAll(results, opts);
    clock?.add('write', performance.now() - writeStarted);
  }

  const warnings = [...discoveryWarnings, ...tempWarnings, ...project.warnings, ...(cacheWarning ? [cacheWarning] : [])];
  const elapsed = performance.now() - started;
  clock?.add('total', elapsed);
  return {
    files: results,
    totals: totalsOf(results, elapsed),
    warnings,
    workers: processed.workers,
    filesDiscovered: files.length,
    ...(cache ? { filesFromCache: cache.hits } : {}),
    ...(opts.signal?.aborted ? { interrupted: true } : {}),
    ...(selected.baselineWritten !== undefined ? { baselineWritten: selected.baselineWritten } : {}),
    ...(clock ? { timing: roundTimings(clock.ms) } : {}),
  };
}

/** Milliseconds to a tenth. */
function roundTimings(ms: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round(v * 10) / 10]));
}

/** Stores this run's fresh results (before the baseline and test-file selection touch them) and writes the cache. */
function keepInCache(cache: ResultCache, analysed: FileJob[], read: Map<FileJob, { text: string; key: string }>, fresh: FileResult[]): string | undefined {
  const byPath = new Map(fresh.map((r) => [r.path, r]));
  for (const job of analysed) {
    const result = byPath.get(job.relPath);
    const seen = read.get(job);
    if (result && seen) cache.set(job, seen.key, result);
  }
  return cache.save();
}

/**
 * Temp files an interrupted --write left (killed before it could clean up):
 * --write removes those whose writer is gone; other modes name them.
 */
function staleTempFiles(temps: string[], opts: RunOptions): string[] {
  const warnings: string[] = [];
  for (const abs of temps) {
    const rel = relative(opts.cwd, abs).split(sep).join('/');
    const pid = Number(TEMP_FILE.exec(basename(abs))?.[1]);
    if (pid !== process.pid && processAlive(pid)) {
      warnings.push(`${rel}: a temp file of a pushdown run still going (pid ${pid}); left alone`);
    } else if (opts.mode === 'write') {
      try {
        unlinkSync(abs);
        warnings.push(`${rel}: removed a temp file an interrupted run left behind`);
      } catch (err) {
        warnings.push(`${rel}: a temp file an interrupted run left behind could not be removed (${(err as NodeJS.ErrnoException).code ?? err})`);
      }
    } else {
      warnings.push(`${rel}: a temp file an interrupted run left behind; the next --write removes it (or delete it)`);
    }
  }
  return warnings;
}

function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Query hooks may be defined outside the scanned paths (`pushdown src/routes`
 * while the extended client lives in src/lib): read the rest of the project
 * for them, so a rewrite's tier does not depend on which paths were named.
 * The project is the package the path belongs to (nearest package.json, else
 * the git work tree): a repository's tests, examples or other packages do not
 * decide the tiers of this one. In a monorepo whose client lives in another
 * package, scan from the repository's root to take that package's hooks in.
 */
function observeRestOfProject(project: ProjectFacts, opts: RunOptions, scanned: string[]): void {
  const seen = new Set(scanned);
  const roots = new Set<string>();
  for (const p of opts.paths.length > 0 ? opts.paths : ['.']) {
    const abs = resolve(opts.cwd, p);
    const root = projectRoot(abs);
    if (root !== undefined && root !== abs) roots.add(root); // a path that is its project's root was scanned whole
  }
  for (const root of roots) {
    let all: string[];
    try {
      all = discoverFiles({ cwd: opts.cwd, paths: [root], ignore: opts.ignore, extensions: opts.extensions });
    } catch {
      continue; // nothing else to read
    }
    for (const absPath of all) {
      if (seen.has(absPath)) continue;
      seen.add(absPath);
      try {
        project.observe(readLatin1(absPath), relative(opts.cwd, absPath).split(sep).join('/'));
      } catch {
        /* unreadable files are reported only when scanned */
      }
    }
  }
}

/** The package (nearest package.json) or git work tree a path belongs to; undefined outside both. */
function projectRoot(path: string): string | undefined {
  for (let dir = path; ; ) {
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function record(path: string, absPath: string, status: FileResult['status'], error?: FileResult['error']): FileResult {
  return { path, absPath, status, edits: [], findings: [], diff: '', parsed: false, ...(error ? { error } : {}) };
}

/** Writes file by file; a signal stops it between two files, so each file is written whole or not at all. */
async function writeAll(results: FileResult[], opts: RunOptions): Promise<void> {
  const changed = results.filter((r) => r.status === 'changed' && r.after !== undefined);
  const dirty = opts.force ? new Map<string, DirtyReason>() : gitDirtyFiles(changed.map((r) => r.absPath));
  let done = 0;
  for (const r of changed) {
    if (opts.signal?.aborted) {
      r.written = false;
      continue;
    }
    const reason = dirty.get(r.absPath);
    if (reason !== undefined) {
      r.written = false;
      r.writeRefused = reason === 'untracked'
        ? 'git does not track it (untracked); add and commit it first so the rewrite can be reviewed and undone, or pass --force'
        : 'it has uncommitted changes in git (modified); commit or stash them first so the rewrite can be reviewed and undone, or pass --force';
    } else {
      try {
        atomicWrite(r.absPath, r.after as string);
        r.written = true;
      } catch (err) {
        r.written = false;
        r.status = 'error';
        r.error = { message: `could not write the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); it is unchanged` };
      }
    }
    opts.onProgress?.({ phase: 'write', done: ++done, total: changed.length });
    if (opts.signal !== undefined) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export function totalsOf(files: FileResult[], elapsedMs: number): Totals {
  const t: Totals = {
    filesScanned: files.length,
    filesParsed: 0,
    filesChanged: 0,
    filesWritten: 0,
    filesFailed: 0,
    edits: 0,
    editsApplied: 0,
    editsByRule: {},
    findings: 0,
    findingsByRule: {},
    withheld: emptyWithheld(),
    elapsedMs: Math.round(elapsedMs),
  };
  for (const f of files) {
    if (f.parsed) t.filesParsed++;
    if (f.status === 'changed') t.filesChanged++;
    if (f.written) t.filesWritten++;
    if (f.status === 'parse-error' || f.status === 'error') t.filesFailed++;
    for (const e of f.edits) {
      t.edits++;
      if (e.applied) t.editsApplied++;
      const r = (t.editsByRule[e.rule] ??= { safe: 0, review: 0 });
      r[e.tier]++;
    }
    for (const x of f.findings) {
      t.findings++;
      t.findingsByRule[x.rule] = (t.findingsByRule[x.rule] ?? 0) + 1;
    }
    if (f.withheld) for (const k of Object.keys(t.withheld) as (keyof Withheld)[]) t.withheld[k] += f.withheld[k];
  }
  return t;
}
