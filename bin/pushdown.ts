#!/usr/bin/env node
/**
 * The pushdown CLI: flags -> runPushdown -> reporter -> exit code. Nothing else.
 *
 * Exit codes (a contract, whatever the output format):
 *   0  clean, or everything asked for was written
 *   1  --check found an edit or a finding; or --write refused a file (uncommitted changes)
 *   2  usage error (bad flag, unknown rule, missing path, no source files),
 *      or some file could not be parsed / processed (the others are still reported)
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FORMATS, getReporter, isFormat, type Format } from '../lib/report/index.js';
import type { RuleMeta, Mode, RunOptions, RunResult } from '../lib/types.js';

const DEFAULT_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

const HELP = `Usage: pushdown [options] [paths...]

Finds code that loads a whole query result to compute what the database could
answer (.length, emptiness tests, [0], loops, ...) and rewrites it into a
count / exists / first-row / batched query. Paths default to ".".

Modes (default: dry run, prints the diff and writes nothing):
  --write                 write safe edits to the files
  --unsafe                with --write, also apply review-tier edits
  --force                 with --write, also write files with uncommitted git changes
  --check                 write nothing; exit 1 if any edit or finding is reported

Rules:
  -t, --transform <ids>   run only these rules (repeatable, comma-separated)
  --list                  list the rules with their tier and description

Output:
  --format <name>         pretty (default), patch (for git apply) or json

Files:
  --ignore <glob>         skip matching paths (repeatable); .gitignore,
                          node_modules and dist are always skipped
  --extensions <list>     file extensions to scan (default: ${DEFAULT_EXTENSIONS.join(',')})

ORM:
  --orm <list>            ORM plugins to use for every file (comma-separated;
                          default: detected per file from package.json; an
                          unknown name lists the known ones)
  --schema <path>         where the ORM's model facts are, e.g. its schema file
                          (default: found by each ORM plugin)
  --client-names <list>   identifiers taken to be an ORM client (default: each
                          ORM's conventional names)
  --batch-size <n>        batch size for loop-to-batches (positive integer)

Other:
  --jobs <n>              worker threads (0 or 1 = in-process)
  -h, --help              show this help
  --version               print the version

Exit codes: 0 clean or written; 1 --check found something, or --write refused
a file; 2 usage error or a file that could not be processed.
`;

/** A mistake in how pushdown was called: one line on stderr, exit 2, no stack. */
class CliUsageError extends Error {
  override name = 'UsageError';
}

interface CliRequest {
  action: 'help' | 'version' | 'list' | 'run';
  format: Format;
  /** -t names as given; checked against the registry once it is loaded. */
  transformNames?: string[];
  options: RunOptions;
}

/** Splits repeatable, comma-separated values: `-t a,b -t c` -> [a, b, c]. */
function splitList(values: readonly string[] | undefined, flag: string): string[] | undefined {
  if (values === undefined) return undefined;
  const items = values.flatMap((v) => v.split(',')).map((v) => v.trim());
  if (items.length === 0 || items.some((v) => v === '')) {
    throw new CliUsageError(`${flag} needs a comma-separated list with no empty entries`);
  }
  return items;
}

function parseCount(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    const what = min > 0 ? 'a positive integer' : 'a non-negative integer';
    throw new CliUsageError(`${flag} must be ${what}, got '${value}'`);
  }
  return n;
}

function resolveTransforms(names: string[] | undefined, rules: readonly RuleMeta[]): string[] | undefined {
  if (names === undefined) return undefined;
  const valid = rules.map((r) => r.id);
  for (const name of names) {
    if (!valid.includes(name)) {
      throw new CliUsageError(`unknown transform '${name}'; valid transforms: ${valid.join(', ')}`);
    }
  }
  // The runner runs rules in registry order, whatever order they were named in.
  return valid.filter((id) => names.includes(id));
}

function parseArgsError(err: unknown): CliUsageError {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return new CliUsageError(`unknown option '${unknown[1]}' (see --help)`);
  // Node's messages are one sentence plus advice; keep the first line only.
  return new CliUsageError(`${message.split('\n')[0]} (see --help)`);
}

function parseCli(argv: readonly string[], cwd: string): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        write: { type: 'boolean' },
        check: { type: 'boolean' },
        unsafe: { type: 'boolean' },
        force: { type: 'boolean' },
        transform: { type: 'string', short: 't', multiple: true },
        list: { type: 'boolean' },
        format: { type: 'string' },
        ignore: { type: 'string', multiple: true },
        extensions: { type: 'string', multiple: true },
        schema: { type: 'string' },
        'client-names': { type: 'string', multiple: true },
        orm: { type: 'string', multiple: true },
        'batch-size': { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw parseArgsError(err);
  }
  const v = parsed.values;

  if (v.write && v.check) throw new CliUsageError('--write and --check cannot be used together');
  const mode: Mode = v.write ? 'write' : v.check ? 'check' : 'dry-run';

  const format = v.format ?? 'pretty';
  if (!isFormat(format)) {
    throw new CliUsageError(`unknown format '${format}'; valid formats: ${FORMATS.join(', ')}`);
  }

  const transformNames = splitList(v.transform, '--transform');

  const extensions = (splitList(v.extensions, '--extensions') ?? DEFAULT_EXTENSIONS).map((e) =>
    e.replace(/^\./, ''),
  );
  for (const ext of extensions) {
    if (!/^[A-Za-z0-9]+$/.test(ext)) throw new CliUsageError(`--extensions: '${ext}' is not a file extension`);
  }

  const clientNames = splitList(v['client-names'], '--client-names');
  for (const name of clientNames ?? []) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw new CliUsageError(`--client-names: '${name}' is not an identifier`);
    }
  }

  let schema: string | undefined;
  if (v.schema !== undefined) {
    schema = resolve(cwd, v.schema);
    if (!existsSync(schema) || !(statSync(schema).isFile() || statSync(schema).isDirectory())) {
      throw new CliUsageError(`--schema: no such file or folder: ${v.schema}`);
    }
  }

  const options: RunOptions = {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    cwd,
    mode,
    unsafe: v.unsafe ?? false,
    ignore: v.ignore ?? [],
    extensions: [...new Set(extensions)],
    force: v.force ?? false,
    // A patch is made to be applied: it holds exactly what --write would write.
    previewAsWritten: format === 'patch',
  };
  if (clientNames !== undefined) options.clientNames = clientNames;
  const orms = splitList(v.orm, '--orm');
  if (orms !== undefined) options.orms = orms;
  if (schema !== undefined) options.schema = schema;
  const batchSize = parseCount(v['batch-size'], '--batch-size', 1);
  if (batchSize !== undefined) options.batchSize = batchSize;
  const jobs = parseCount(v.jobs, '--jobs', 0);
  if (jobs !== undefined) options.jobs = jobs;

  const action = v.help ? 'help' : v.version ? 'version' : v.list ? 'list' : 'run';
  return { action, format, transformNames, options };
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

function listRules(rules: readonly RuleMeta[], only: string[] | undefined): string {
  const shown = rules.filter((r) => only === undefined || only.includes(r.id));
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

async function main(argv: readonly string[]): Promise<number> {
  const request = parseCli(argv, process.cwd());
  if (request.action === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (request.action === 'version') {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  const rules = await loadRules();
  const transforms = resolveTransforms(request.transformNames, rules);
  if (request.action === 'list') {
    process.stdout.write(listRules(rules, transforms));
    return 0;
  }
  if (transforms !== undefined) request.options.transforms = transforms;
  const { runPushdown } = await import('../lib/runner/index.js');
  const result = await runPushdown(request.options);
  const color = colourEnabled(process.env, process.stdout.isTTY === true);
  const output = getReporter(request.format)(result, {
    color,
    mode: request.options.mode,
    unsafe: request.options.unsafe,
  });
  process.stdout.write(output);
  const { mode, unsafe } = request.options;
  // The patch must stay a clean patch: its warnings go to stderr (pretty and json carry their own).
  if (request.format === 'patch') {
    for (const warning of result.warnings ?? []) process.stderr.write(`pushdown: warning: ${warning}\n`);
  }
  if (request.format === 'patch' && mode !== 'write' && !unsafe) {
    // The patch holds what --write would write; say what it left out, off stdout.
    const review = result.files.flatMap((f) => f.edits).filter((e) => e.tier === 'review' && !e.applied).length;
    if (review > 0) {
      process.stderr.write(`pushdown: note: ${review} review-tier edit(s) are not in this patch; add --unsafe to include them\n`);
    }
  }
  return exitCodeFor(result, mode);
}

// `pushdown ... | head` closes stdout early: not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

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
