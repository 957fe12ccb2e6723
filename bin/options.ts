/**
 * The CLI's option table: one row per flag. The parser (yargs), the `--help`
 * text, the config-file keys, the PUSHDOWN_* environment variables and the
 * README's option table are all made from it, so they cannot disagree (a test
 * compares the README with `optionsMarkdown()`).
 *
 * Adding a flag is one row; `run` names the RunOptions field its parsed value
 * goes to, so no other code needs to know about it.
 */
import type { RunOptions } from '../lib/types.js';

export type OptionKind = 'flag' | 'string' | 'list' | 'int';
export type OptionGroup = 'Modes' | 'Rules' | 'Output' | 'Findings' | 'Files' | 'Project' | 'Other';

export interface OptionSpec {
  /** Long name, without dashes. */
  name: string;
  /** One-letter alias, without the dash. */
  alias?: string;
  /** flag: boolean, no value. string: one value. list: repeatable and comma-separated. int: a whole number >= min. */
  kind: OptionKind;
  /** Placeholder shown after the flag: `<n>`. */
  arg?: string;
  group: OptionGroup;
  /** The help text and the README's text (markdown backticks are dropped in --help). */
  describe: string;
  /** Key in pushdown.config.{json,mjs} / package.json#pushdown (also read from PUSHDOWN_<NAME>); none: command line only. */
  config?: string;
  /** RunOptions field the value is assigned to; none: the CLI uses it itself. */
  run?: keyof RunOptions;
  /** int: smallest value allowed. */
  min?: number;
  /** list items / string values: a problem with one value, or undefined when fine. */
  check?: (value: string) => string | undefined;
  /** string: a path, resolved against the folder it was given in (cwd, or the config file's folder). */
  path?: boolean;
  /** path: the file may not exist yet (pushdown writes it). */
  creates?: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Where `--cache` keeps results, relative to the nearest folder with a package.json (prettier's and find-cache-dir's convention). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/pushdown/results.json';

export const OPTIONS: readonly OptionSpec[] = [
  { name: 'write', kind: 'flag', group: 'Modes', describe: 'write safe edits to the files (atomically: temp file + rename; file mode, line endings (LF/CRLF) and a UTF-8 BOM are kept)' },
  { name: 'unsafe', kind: 'flag', group: 'Modes', config: 'unsafe', run: 'unsafe', describe: 'with `--write` (or `--format patch`), also apply review-tier edits' },
  { name: 'force', kind: 'flag', group: 'Modes', run: 'force', describe: 'with `--write`, also write files that git reports as modified or untracked' },
  { name: 'check', kind: 'flag', group: 'Modes', describe: 'CI mode: write nothing, exit 1 when anything would be reported' },
  { name: 'transform', alias: 't', kind: 'list', arg: '<ids>', group: 'Rules', config: 'rules', describe: 'run only these rules (repeatable, or comma-separated); an unknown id is an error that suggests the nearest one' },
  { name: 'list', kind: 'flag', group: 'Rules', describe: 'list the rules with their tier and description (`--format json`: as JSON)' },
  { name: 'format', kind: 'string', arg: '<name>', group: 'Output', config: 'format', describe: 'output format: `pretty` (default), `patch`, `json`, `sarif`, `github`, `markdown` or `html` (see below)' },
  { name: 'quiet', alias: 'q', kind: 'flag', group: 'Output', config: 'quiet', describe: 'no progress line and no notes on stderr (warnings and errors are still printed)' },
  { name: 'baseline', kind: 'string', arg: '<file>', group: 'Findings', config: 'baseline', run: 'baseline', path: true, creates: true, describe: 'a baseline file (JSON): findings it lists are known and not reported, so `--check` fails only on new ones. A finding is known by path, rule and a fingerprint of its code that survives moved lines and reformatting' },
  { name: 'update-baseline', kind: 'flag', group: 'Findings', run: 'updateBaseline', describe: 'write every finding of this run to the `--baseline` file (entries for files not scanned are kept); nothing is then reported as new' },
  { name: 'include-tests', kind: 'flag', group: 'Findings', config: 'includeTests', run: 'includeTests', describe: 'also report findings in test files (left out by default and counted in the summary; rewrites in them are made either way)' },
  { name: 'test-files', kind: 'list', arg: '<glob>', group: 'Findings', config: 'testFiles', run: 'testFiles', describe: 'globs of test files (replace the default: `*.spec.*`, `*.test.*`, `*.e2e.*`, `__tests__/`, `__mocks__/`, `e2e/`, `playwright/`, `cypress/`, `test/`, `tests/`)' },
  { name: 'hints', kind: 'flag', group: 'Findings', config: 'hints', run: 'hints', describe: 'also report hints: loads of the rows of one parent row (`where: { workspaceId }`), which nothing in the code says are few or many' },
  { name: 'ignore', kind: 'list', arg: '<glob>', group: 'Files', config: 'ignore', run: 'ignore', describe: 'skip matching paths (repeatable; in a config file, relative to its folder). `.gitignore` is honoured; `node_modules`, `dist`, `build`, `.next`, `coverage`, generated ORM clients and `pushdown.config.*` are always skipped' },
  { name: 'extensions', kind: 'list', arg: '<list>', group: 'Files', config: 'extensions', run: 'extensions', check: (e) => (/^\.?[A-Za-z0-9]+$/.test(e) ? undefined : `'${e}' is not a file extension`), describe: 'extensions to scan (default `ts,tsx,mts,cts,js,jsx,mjs,cjs`)' },
  { name: 'orm', kind: 'list', arg: '<list>', group: 'Project', config: 'orm', run: 'orms', describe: 'ORM plugins to use for every file (comma-separated). Default: detected per file from the nearest package.json; an unknown name lists the known ones' },
  { name: 'schema', kind: 'string', arg: '<path>', group: 'Project', config: 'schema', run: 'schema', path: true, describe: 'the ORM schema/facts file (file or folder). Default: for each file, the nearest one found walking up from it' },
  { name: 'client-names', kind: 'list', arg: '<list>', group: 'Project', config: 'clientNames', run: 'clientNames', check: (n) => (IDENTIFIER.test(n) ? undefined : `'${n}' is not an identifier`), describe: 'identifiers taken to be an ORM client, also as `this.<name>` and `ctx.<name>` (replaces the default names)' },
  { name: 'batch-size', kind: 'int', arg: '<n>', min: 1, group: 'Project', config: 'batchSize', run: 'batchSize', describe: 'rows per batch for `loop-to-batches` (default 1000)' },
  { name: 'cache', kind: 'flag', group: 'Other', config: 'cache', describe: `keep each analysed file's result in a cache file, and on the next run answer files from it instead of parsing them again: a file is answered only when its bytes, path, ORM facts, the options and pushdown itself are all unchanged. Off by default` },
  { name: 'cache-location', kind: 'string', arg: '<file>', group: 'Other', config: 'cacheLocation', path: true, creates: true, describe: `the cache file for \`--cache\` (default \`${DEFAULT_CACHE_LOCATION}\` in the nearest folder with a package.json, from the current one up)` },
  { name: 'timing', kind: 'flag', group: 'Other', run: 'timing', describe: "print where the run's time went, by stage (discovery, reading, ORM projects, parse, scope crawl, each rule, re-parses, diffs) on stderr after the report, as ESLint's `TIMING=1` does; with `--format json` also as `timing` in the report. With worker threads, file stages are summed over them" },
  { name: 'jobs', kind: 'int', arg: '<n>', min: 0, group: 'Other', config: 'jobs', run: 'jobs', describe: 'worker threads. Default: one per core, once there are 400+ files to parse per worker (below that one thread is faster). `0` or `1`: in-process, except a file of 1 MiB or more, which always gets a worker of its own (a heap freed when it ends)' },
  { name: 'help', alias: 'h', kind: 'flag', group: 'Other', describe: 'show this help' },
  { name: 'version', kind: 'flag', group: 'Other', describe: 'print the version' },
];

export const PATHS_HELP = 'files or folders to scan (default `.`)';

/** `-t, --transform <ids>` */
export function flagText(spec: OptionSpec): string {
  return `${spec.alias ? `-${spec.alias}, ` : ''}--${spec.name}${spec.arg ? ` ${spec.arg}` : ''}`;
}

/** PUSHDOWN_BATCH_SIZE */
export function envName(spec: OptionSpec): string {
  return `PUSHDOWN_${spec.name.toUpperCase().replace(/-/g, '_')}`;
}

const GROUPS: readonly OptionGroup[] = ['Modes', 'Rules', 'Output', 'Findings', 'Files', 'Project', 'Other'];
const plain = (text: string) => text.replace(/`/g, '');

function wrap(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function helpText(): string {
  const col = 26;
  const out = [
    'Usage: pushdown [options] [paths...]',
    '',
    'Finds code that loads a whole query result to compute what the database could',
    'answer (.length, emptiness tests, [0], loops, ...) and rewrites it so the',
    'database does the work. Default: a dry run that prints the diff and writes nothing.',
    '',
    `  ${'[paths...]'.padEnd(col - 2)}${plain(PATHS_HELP)}`,
  ];
  for (const group of GROUPS) {
    out.push('', `${group}:`);
    for (const spec of OPTIONS.filter((s) => s.group === group)) {
      const text = wrap(plain(spec.describe), 80, col);
      const flag = `  ${flagText(spec)}`;
      if (flag.length >= col - 1) out.push(flag, ...text.map((t) => ' '.repeat(col) + t));
      else out.push(flag.padEnd(col) + text[0], ...text.slice(1).map((t) => ' '.repeat(col) + t));
    }
  }
  out.push(
    '',
    'Config: pushdown.config.mjs, pushdown.config.json or package.json#pushdown, the',
    'first found from the current folder upwards, with keys',
    `${OPTIONS.filter((s) => s.config).map((s) => s.config).join(', ')}, tiers;`,
    'then PUSHDOWN_<OPTION> environment variables; flags override both.',
    '',
    'Exit codes: 0 clean or written; 1 --check found something, or --write refused',
    'a file; 2 usage error or a file that could not be processed; 130 interrupted.',
    '',
  );
  return out.join('\n');
}

export const OPTIONS_START = '<!-- options-table -->';
export const OPTIONS_END = '<!-- /options-table -->';

export function optionsMarkdown(): string {
  const rows = ['| option | config key | meaning |', '|---|---|---|', `| \`[paths...]\` | | ${PATHS_HELP} |`];
  for (const spec of OPTIONS) {
    const flag = flagText(spec).replace(/\|/g, '\\|');
    rows.push(`| \`${flag}\` | ${spec.config ? `\`${spec.config}\`` : ''} | ${spec.describe.replace(/\|/g, '\\|')} |`);
  }
  return rows.join('\n') + '\n';
}

/** Replace what stands between two markers; throws when they are missing. */
export function betweenMarkers(text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1 || b < a) throw new Error(`README.md needs ${start} and ${end} markers`);
  return `${text.slice(0, a + start.length)}\n\n${body}\n${text.slice(b)}`;
}
