#!/usr/bin/env node
/**
 * The pushdown CLI: flags + config -> runPushdown -> reporter -> exit code. Nothing else.
 *
 * Exit codes (a contract, whatever the output format):
 *   0    clean, or everything asked for was written
 *   1    --check found an edit or a finding; or --write refused a file (uncommitted changes)
 *   2    usage error (bad flag, unknown rule, missing path, no source files),
 *        or some file could not be parsed / processed (the others are still reported)
 *   130  interrupted (SIGINT / SIGTERM): what was written so far is reported
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { LARGE_FILE } from '../lib/runner/large-file.js';
import { FORMATS, isFormat, loadReporter, type Format } from '../lib/report/formats.js';
import { JSON_REPORT_VERSION } from '../lib/report/json.js';
import type { Mode, Progress, RuleMeta, RunOptions, RunResult } from '../lib/types.js';
import { CliUsageError, loadConfig, parseArgv, resolveOptions, type ResolvedOptions } from './args.js';
import { DEFAULT_CACHE_LOCATION, helpText, OPTIONS } from './options.js';
import { didYouMean } from './suggest.js';

const DEFAULT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

interface CliRequest {
  action: 'help' | 'version' | 'list' | 'run';
  format: Format;
  quiet: boolean;
  /** -t names as given; checked against the registry once it is loaded. */
  transformNames?: string[];
  options: RunOptions;
}

function toRequest(argvPaths: string[], resolved: ResolvedOptions, cwd: string): CliRequest {
  const { values, sources } = resolved;
  const flag = (name: string) => values.get(name) === true;
  const fromArgv = (name: string) => sources.get(name)?.from === 'argv' && flag(name);

  if (flag('write') && flag('check')) throw new CliUsageError('--write and --check cannot be used together');
  const mode: Mode = flag('write') ? 'write' : flag('check') ? 'check' : 'dry-run';

  const format = (values.get('format') as string | undefined) ?? 'pretty';
  if (!isFormat(format)) {
    throw new CliUsageError(`unknown format '${format}'${didYouMean(format, FORMATS)}; valid formats: ${FORMATS.join(', ')}`);
  }
  // Flags that only mean something when writing are a mistake without --write: say so rather than ignore them.
  if (fromArgv('force') && mode !== 'write') throw new CliUsageError('--force only applies with --write (it writes files git reports as changed)');
  if (fromArgv('unsafe') && mode !== 'write' && format !== 'patch') {
    throw new CliUsageError('--unsafe only applies with --write or --format patch (a dry run already shows review edits)');
  }
  if (sources.get('cache-location')?.from === 'argv' && !flag('cache')) throw new CliUsageError('--cache-location only applies with --cache');
  if (flag('update-baseline') && values.get('baseline') === undefined) {
    throw new CliUsageError('--update-baseline needs --baseline <file>: the file to write');
  }

  const options: RunOptions = {
    paths: argvPaths.length > 0 ? argvPaths : ['.'],
    cwd,
    mode,
    unsafe: false,
    ignore: [],
    extensions: DEFAULT_EXTENSIONS,
    force: false,
    // A patch is made to be applied: it holds exactly what --write would write.
    previewAsWritten: format === 'patch',
  };
  for (const spec of OPTIONS) {
    const value = values.get(spec.name);
    if (spec.run !== undefined && value !== undefined) (options as unknown as Record<string, unknown>)[spec.run] = value;
  }
  if (flag('cache')) options.cache = (values.get('cache-location') as string | undefined) ?? resolve(packageFolder(cwd), DEFAULT_CACHE_LOCATION);
  options.extensions = [...new Set(options.extensions.map((e) => e.replace(/^\./, '')))];
  // unsafe from a config file only counts where it can apply.
  if (mode !== 'write' && format !== 'patch') options.unsafe = false;

  const action = flag('help') ? 'help' : flag('version') ? 'version' : flag('list') ? 'list' : 'run';
  return { action, format, quiet: flag('quiet'), transformNames: values.get('transform') as string[] | undefined, options };
}

/** The nearest folder from `cwd` up that holds a package.json (find-cache-dir's rule), else `cwd`. */
function packageFolder(cwd: string): string {
  for (let dir = cwd; ; ) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return cwd;
    dir = up;
  }
}

function resolveTransforms(names: string[] | undefined, rules: readonly RuleMeta[]): string[] | undefined {
  if (names === undefined) return undefined;
  const valid = rules.map((r) => r.id);
  for (const name of names) {
    if (!valid.includes(name)) {
      throw new CliUsageError(`unknown transform '${name}'${didYouMean(name, valid)}; valid transforms: ${valid.join(', ')}`);
    }
  }
  // The runner runs rules in registry order, whatever order they were named in.
  return valid.filter((id) => names.includes(id));
}

/** Colour only for a terminal, unless FORCE_COLOR / NO_COLOR say otherwise (FORCE_COLOR wins, as in Node). */
function colourEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** 2 beats 1 beats 0: a file that failed is worse than a pending rewrite. */
function exitCodeFor(result: RunResult, mode: Mode): 0 | 1 | 2 {
  const failed = result.files.some((f) => f.status === 'parse-error' || f.status === 'error');
  if (failed || result.totals.filesFailed > 0) return 2;
  if (mode === 'check' && result.files.some((f) => f.edits.length > 0 || f.findings.length > 0)) return 1;
  if (mode === 'write' && result.files.some((f) => f.writeRefused !== undefined)) return 1;
  return 0;
}

function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pushdown' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function listRules(rules: readonly RuleMeta[], only: string[] | undefined, format: Format): string {
  const shown = rules.filter((r) => only === undefined || only.includes(r.id));
  if (format === 'json') {
    const list = shown.map(({ id, tier, description }) => ({ id, tier, description }));
    return JSON.stringify({ version: JSON_REPORT_VERSION, rules: list }, null, 2) + '\n';
  }
  const idWidth = Math.max(...shown.map((r) => r.id.length), 0);
  return shown.map((r) => `${r.id.padEnd(idWidth)}  ${r.tier.padEnd(6)}  ${r.description}\n`).join('');
}

/** The rules, loaded only when needed: they pull in babel, which --help and --version do not need. */
async function loadRules(): Promise<RuleMeta[]> {
  const { rules } = await import('../transforms/index.js');
  return rules.map((r) => r.meta);
}

/** Errors the user caused through the file system (a path they named is unreadable). */
function fileSystemMessage(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, path } = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many symbolic links',
    EISDIR: 'is a directory',
  };
  if (code === undefined || path === undefined || reasons[code] === undefined) return undefined;
  return `${path}: ${reasons[code]}`;
}

const note = (quiet: boolean, line: string) => {
  if (!quiet) process.stderr.write(`pushdown: note: ${line}\n`);
};

async function main(argv: readonly string[]): Promise<number> {
  const cwd = process.cwd();
  const parsed = await parseArgv(argv);
  if (parsed.values.get('help') === true) {
    process.stdout.write(helpText());
    return 0;
  }
  if (parsed.values.get('version') === true) {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  const configWarnings: string[] = [];
  const config = await loadConfig(cwd, (w) => configWarnings.push(w));
  const request = toRequest(parsed.positionals, resolveOptions(parsed, config, process.env, cwd), cwd);
  for (const w of configWarnings) process.stderr.write(`pushdown: warning: ${w}\n`);
  const rules = await loadRules();
  const transforms = resolveTransforms(request.transformNames, rules);
  if (request.action === 'list') {
    process.stdout.write(listRules(rules, transforms, request.format));
    return 0;
  }
  if (transforms !== undefined) request.options.transforms = transforms;
  const { runPushdown } = await import('../lib/runner/index.js');
  // Ctrl-C / SIGTERM: stop between two files (each is written whole or not at all), then report; twice: leave now.
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  request.options.signal = stop.signal;
  const progress = !request.quiet && process.stderr.isTTY === true ? progressLine(process.stderr) : undefined;
  if (progress) request.options.onProgress = progress.update;
  request.options.onPlan = tuneHeap;
  // --timing: what came before the run (node's start, loading pushdown), from the process's time origin.
  const startMs = performance.now();
  const result = await runPushdown(request.options);
  if (result.timing) result.timing = { start: Math.round(startMs * 10) / 10, ...result.timing };
  progress?.clear();
  const color = colourEnabled(process.env, process.stdout.isTTY === true);
  const formatStarted = performance.now();
  const output = (await loadReporter(request.format))(result, {
    color,
    mode: request.options.mode,
    unsafe: request.options.unsafe,
    rules: rules.filter((r) => transforms === undefined || transforms.includes(r.id)),
    toolVersion: readVersion(),
  });
  const formatMs = performance.now() - formatStarted;
  process.stdout.write(output);
  if (result.timing) {
    // After the report, on stderr (the report itself stays parsable); the report's formatting is timed here.
    const { timingTable } = await import('../lib/runner/timing.js');
    const ran = rules.filter((r) => transforms === undefined || transforms.includes(r.id)).map((r) => r.id);
    process.stderr.write(timingTable({ ...result.timing, format: Math.round(formatMs * 10) / 10 }, ran, result.workers ?? 0));
  }
  const { mode, unsafe } = request.options;
  // The patch must stay a clean patch: its warnings go to stderr (pretty and json carry their own).
  if (request.format === 'patch') {
    for (const warning of result.warnings ?? []) process.stderr.write(`pushdown: warning: ${warning}\n`);
  }
  if (request.format === 'patch' && mode !== 'write' && !unsafe) {
    // The patch holds what --write would write; say what it left out, off stdout.
    const review = result.files.flatMap((f) => f.edits).filter((e) => e.tier === 'review' && !e.applied).length;
    if (review > 0) note(request.quiet, `${review} review-tier edit(s) are not in this patch; add --unsafe to include them`);
  }
  if (result.interrupted) {
    const written = result.files.filter((f) => f.written).length;
    const pending = result.files.filter((f) => f.status === 'changed' && !f.written).length;
    const what = mode === 'write' ? `${written} file(s) written before the signal, ${pending} left unchanged` : 'nothing was written';
    process.stderr.write(`pushdown: interrupted after ${result.files.length} of ${result.filesDiscovered ?? '?'} files; ${what}\n`);
    return 130;
  }
  return exitCodeFor(result, mode);
}

/** `pushdown: 120/3000 files analysed, about 12 s left`, redrawn in place on a terminal, at most 10 times a second. */
function progressLine(stream: NodeJS.WriteStream): { update: (p: Progress) => void; clear: () => void } {
  const started = Date.now();
  let phaseStarted = started;
  let phase = '';
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (p.phase !== phase) {
        phase = p.phase;
        phaseStarted = now;
      }
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const rate = (now - phaseStarted) / Math.max(p.done, 1);
      const left = Math.round((rate * (p.total - p.done)) / 1000);
      const eta = p.done > 0 && p.done < p.total ? `, about ${left} s left` : '';
      stream.write(`\r\x1b[2Kpushdown: ${p.done}/${p.total} files ${p.phase === 'write' ? 'written' : 'analysed'}${eta}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

// `pushdown ... | head` closes stdout early: not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

// The young generation is left to V8 (semi-spaces of 1 MiB growing to 16 MiB). It was kept at 1 MiB
// (--semi-space-growth-factor=1) while each file's garbage outlived it and was promoted; now that the
// engine takes each tree apart (lib/engine.ts takeApart), a larger one lets that garbage die young: on
// dub, with takeApart, 4.4 s CPU capped against 4.0 s not (6 alternated runs), peak RSS 121 MiB either way.
//
// TurboFan inlines less (V8's default budget is 920 bytes of bytecode inlined per optimised function).
// A cold run optimises pushdown's and babel's functions as it goes, on V8's background threads: on dub
// those compiles took 1.3-1.5 s of a ~4.1 s CPU run (per-thread CPU from /proc). A smaller budget makes
// them cheaper, and the code they make was not slower here. --jobs 1, alternated runs, CPU medians:
// dub 3.99 -> 3.22 s (8 runs; two more rounds: 4.04 -> 3.60 s, 3.94 -> 3.54 s), trigger.dev 5.65 -> 5.09 s,
// generated corpus 5.10 -> 4.59 s (6 runs each), wall the same or lower; the 2 MB file of 16,000 edits
// (its own worker) 6.22 -> 5.62 s; a one-file run unchanged. Read when a function is optimised, so it
// holds for babel, loaded later, and for workers. Only the CLI does this.
setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');

// A file of megabytes: its tree and scopes (~1.2 GB for 6 MB) survive scavenge after scavenge of V8's
// default young generation (semi-spaces of 1 growing to 16 MiB), and garbage collection took 3/4 of the
// run. Read when a heap is made, these size the worker the runner starts for that file
// (lib/runner/pool.ts), not this thread. 64 MiB semi-spaces from the start: on the 6 MB file, 9.4-10.3 s
// against 10.9-11.1 s with V8's 16 MiB cap (and 128 MiB was slower again). Only the CLI does this: a
// library caller's process is its own.
function tuneHeap(plan: { largestFile: number }): void {
  if (plan.largestFile < LARGE_FILE) return;
  setFlagsFromString('--min-semi-space-size=64');
  setFlagsFromString('--max-semi-space-size=64');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof Error && err.name === 'UsageError') {
      process.stderr.write(`pushdown: ${err.message.split('\n')[0]}\n`);
    } else if (fileSystemMessage(err) !== undefined) {
      process.stderr.write(`pushdown: ${fileSystemMessage(err)}\n`);
    } else {
      // Anything else is a bug in pushdown: show where.
      process.stderr.write(`pushdown: internal error\n${err instanceof Error ? err.stack : String(err)}\n`);
    }
    process.exitCode = 2;
  },
);
