/**
 * End-to-end tests of the CLI: spawn the built `dist/bin/pushdown.js` in temp
 * directories and assert on exit codes, stdout/stderr and the files on disk.
 * `npm test` builds first; run alone with `npm run build && npx vitest run __tests__/cli.test.ts`.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditRecord, FileResult, RuleMeta, RunResult, Totals } from '../lib/types.js';
import { renderJson, renderPatch, renderPretty } from '../lib/report/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/bin/pushdown.js');
const SLOW = 120_000;

// The anti-pattern and its safe rewrite (length-to-count).
const LOAD = 'const n = (await prisma.user.findMany({ where: { active: true } })).length;';
const COUNT = 'const n = await prisma.user.count({ where: { active: true } });';
// `distinct` cannot be carried to count(): reported as a finding, never rewritten.
const DISTINCT = "const d = (await prisma.user.findMany({ distinct: ['email'] })).length;";

const APP = `import { prisma } from './db';

export async function countActive(): Promise<number> {
  ${LOAD}
  return n;
}
`;
const APP_AFTER = APP.replace(LOAD, COUNT);

const FINDING = `import { prisma } from './db';

export async function distinctEmails(): Promise<number> {
  ${DISTINCT}
  return d;
}
`;

// Loads rows (so the prefilter lets it through) but the result escapes: nothing to rewrite.
const CLEAN = `import { prisma } from './db';

export async function everyone() {
  const users = await prisma.user.findMany();
  return users;
}
`;

// Line 5 does not parse.
const BAD = `import { prisma } from './db';

export async function broken() {
  const n = (await prisma.user.findMany()).length;
  const = 1;
}
`;

// --------------------------------------------------------------------------- helpers

const temps: string[] = [];

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pushdown-cli-'));
  temps.push(dir);
  writeTree(dir, files);
  return dir;
}

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

function read(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Every file under dir (relative path -> content), skipping .git. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface RunOpts {
  cwd: string;
  /** Defaults to NO_COLOR=1; pass NO_COLOR: undefined to unset it. */
  env?: Record<string, string | undefined>;
  uid?: number;
  gid?: number;
}

function pushdown(args: string[], opts: RunOpts): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM'].includes(k)) env[k] = v;
  }
  for (const [k, v] of Object.entries({ NO_COLOR: '1', ...opts.env })) {
    if (v !== undefined) env[k] = v;
  }
  const spawnOpts: SpawnSyncOptions = { cwd: opts.cwd, env, encoding: 'utf8', timeout: SLOW };
  if (opts.uid !== undefined) spawnOpts.uid = opts.uid;
  if (opts.gid !== undefined) spawnOpts.gid = opts.gid;
  const r = spawnSync(process.execPath, [CLI, ...args], spawnOpts);
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/**
 * root reads anything: as root, run as nobody so permission bits count. The
 * checkout may sit where nobody cannot reach it (a mode-700 mktemp folder):
 * then the test is skipped, saying so.
 */
function unprivileged(cwd: string, ctx: { skip: (note?: string) => never }): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const probe = pushdown(['--version'], { cwd, ...nobody });
  if (probe.status !== 0) ctx.skip(`user nobody cannot run ${CLI} from here (${probe.stderr.split('\n')[0] || `exit ${probe.status}`})`);
  return nobody;
}

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function gitRepo(files: Record<string, string>): string {
  const dir = tempDir(files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'init');
  return dir;
}

/** A usage error: exit 2, exactly one line on stderr naming the problem, no stack, nothing on stdout. */
function expectUsageError(r: Run, mentions: RegExp): void {
  expect(r.status, r.stderr + r.stdout).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pushdown: /);
  expect(lines[0]).toMatch(mentions);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

interface JsonReport {
  warnings?: string[];
  files: Array<{
    path: string;
    status: string;
    edits: EditRecord[];
    findings: Array<{ rule: string; line: number; column: number; message: string }>;
    diff: string;
    error?: { message: string; line?: number; column?: number };
    [key: string]: unknown;
  }>;
  totals: Totals;
}

function json(r: Run): JsonReport {
  return JSON.parse(r.stdout) as JsonReport;
}

/** Totals without the one field that varies from run to run. */
function stableJson(r: Run): unknown {
  const report = json(r);
  return { ...report, totals: { ...report.totals, elapsedMs: 0 } };
}

const ESC = '\u001b[';

let registry: RuleMeta[] = [];
let version = '';

beforeAll(async () => {
  // The reporter tests below need no build; the CLI tests fail in pushdown() when it is missing.
  if (existsSync(CLI)) {
    const mod = (await import(pathToFileURL(join(ROOT, 'dist/transforms/index.js')).href)) as {
      rules: ReadonlyArray<{ meta: RuleMeta }>;
    };
    registry = mod.rules.map((r) => r.meta);
  }
  version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
});

afterAll(() => {
  for (const dir of temps) {
    // Unreadable fixtures must be made readable again before removal.
    try {
      chmodSync(dir, 0o755);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

// --------------------------------------------------------------------------- usage errors

describe('usage errors exit 2 with one line on stderr', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing path', ['no/such/dir'], /no\/such\/dir/],
    ['an unknown flag', ['--frobnicate'], /--frobnicate/],
    ['an unknown short flag', ['-z'], /-z/],
    ['an unknown rule', ['-t', 'no-such-rule'], /no-such-rule.*length-to-count/],
    ['an unknown rule in a comma list', ['--transform', 'length-to-count,bogus'], /bogus/],
    ['an empty rule name', ['-t', 'length-to-count,'], /transform/],
    ['--write with --check', ['--write', '--check'], /--write.*--check|--check.*--write/],
    ['an unknown format', ['--format', 'xml'], /xml.*pretty/],
    ['--format without a value', ['--format'], /--format/],
    ['--batch-size 0', ['--batch-size', '0'], /--batch-size/],
    ['--batch-size -3', ['--batch-size=-3'], /--batch-size/],
    ['--batch-size abc', ['--batch-size', 'abc'], /--batch-size.*abc/],
    ['--batch-size 1.5', ['--batch-size', '1.5'], /--batch-size/],
    ['--jobs abc', ['--jobs', 'abc'], /--jobs/],
    ['--schema that does not exist', ['--schema', 'missing.prisma'], /missing\.prisma/],
    ['--schema that no ORM plugin reads', ['--schema', 'src/app.ts'], /src[\\/]app\.ts: no ORM plugin in use reads this kind/],
    ['--extensions with an empty entry', ['--extensions', 'ts,,js'], /--extensions/],
    ['--client-names that is not an identifier', ['--client-names', 'a-b'], /a-b/],
    ['a boolean flag given a value', ['--write=yes'], /^pushdown: --write takes no value \(got '--write=yes'\)$/],
    ['a typo of a flag gets a suggestion', ['--writ'], /^pushdown: unknown option '--writ' \(did you mean '--write'\?\)/],
    ['a typo of --format', ['--formt', 'json'], /unknown option '--formt' \(did you mean '--format'\?\)/],
    ['a negated flag is not a flag', ['--no-write'], /unknown option '--no-write' \(did you mean '--write'\?\)/],
    ['a typo of a rule id gets a suggestion', ['-t', 'length-to-cont'], /unknown transform 'length-to-cont' \(did you mean 'length-to-count'\?\); valid transforms: .*length-to-count/],
    ['a typo of a format gets a suggestion', ['--format', 'jsno'], /unknown format 'jsno' \(did you mean 'json'\?\)/],
    ['--jobs -1', ['--jobs', '-1'], /^pushdown: --jobs must be a non-negative integer, got '-1'$/],
    ['--jobs=-1', ['--jobs=-1'], /^pushdown: --jobs must be a non-negative integer, got '-1'$/],
    ['--unsafe without --write', ['--unsafe'], /^pushdown: --unsafe only applies with --write or --format patch/],
    ['--force without --write', ['--force'], /^pushdown: --force only applies with --write/],
    ['--force with --check', ['--check', '--force'], /--force only applies with --write/],
  ];

  it.each(cases)('%s', (_name, args, mentions) => {
    const dir = tempDir({ 'src/app.ts': APP });
    const r = pushdown(args, { cwd: dir });
    expectUsageError(r, mentions);
    expect(read(dir, 'src/app.ts')).toBe(APP);
  }, SLOW);

  it('a directory with no source files', () => {
    const dir = tempDir({ 'docs/README.md': '# hi\n', 'data.json': '{}\n' });
    expectUsageError(pushdown(['.'], { cwd: dir }), /source files|no files|nothing/i);
  }, SLOW);

  it('an empty directory named explicitly', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    mkdirSync(join(dir, 'empty'));
    expectUsageError(pushdown(['empty'], { cwd: dir }), /empty/);
  }, SLOW);

  it('a missing path among existing ones: nothing is written', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    expectUsageError(pushdown(['--write', 'src', 'nope.ts'], { cwd: dir }), /nope\.ts/);
    expect(read(dir, 'src/app.ts')).toBe(APP);
  }, SLOW);
});

// --------------------------------------------------------------------------- help, version, list

describe('--help, --version, --list exit 0', () => {
  const flags = [
    '--write',
    '--check',
    '--unsafe',
    '--force',
    '-t, --transform',
    '--list',
    '--format',
    '--ignore',
    '--extensions',
    '--schema',
    '--client-names',
    '--batch-size',
    '--jobs',
    '-q, --quiet',
    '-h, --help',
    '--version',
  ];

  it('--help documents every flag and the exit codes; -h is the same', () => {
    const dir = tempDir();
    const long = pushdown(['--help'], { cwd: dir });
    expect(long.status).toBe(0);
    expect(long.stderr).toBe('');
    expect(long.stdout).toMatch(/^Usage: pushdown/);
    for (const flag of flags) expect(long.stdout).toContain(flag);
    for (const format of ['pretty', 'patch', 'json']) expect(long.stdout).toContain(format);
    expect(long.stdout).toMatch(/Exit codes: 0 .*1 .*2 /s);
    const short = pushdown(['-h'], { cwd: dir });
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(long.stdout);
  }, SLOW);

  it('--version prints the package.json version', () => {
    const r = pushdown(['--version'], { cwd: tempDir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
  }, SLOW);

  it('--list prints id, tier and description of every registered rule, in order', () => {
    const r = pushdown(['--list'], { cwd: tempDir() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(registry.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(registry.length);
    registry.forEach((meta, i) => {
      expect(lines[i]).toMatch(new RegExp(`^${meta.id}\\s+${meta.tier}\\s+`));
      expect(lines[i]!.endsWith(meta.description)).toBe(true);
    });
    expect(r.stdout).toMatch(/^length-to-count\s+safe\s+\S/m);
  }, SLOW);

  it('--list --format json is one JSON document with a version and every rule', () => {
    const r = pushdown(['--list', '--format', 'json'], { cwd: tempDir() });
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { version: number; rules: Array<{ id: string; tier: string; description: string }> };
    expect(list.version).toBe(1);
    expect(list.rules).toEqual(registry.map(({ id, tier, description }) => ({ id, tier, description })));
  }, SLOW);

  it('--list -t shows only the named rules', () => {
    const r = pushdown(['--list', '-t', 'length-to-count'], { cwd: tempDir() });
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^length-to-count\s+safe\s+/)]);
  }, SLOW);
});

// --------------------------------------------------------------------------- dry run (default)

describe('dry run (default mode)', () => {
  it('shows a labelled diff, findings and a summary, writes nothing, exits 0', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING, 'src/clean.ts': CLEAN });
    const before = snapshot(dir);
    const mtime = statSync(join(dir, 'src/app.ts')).mtimeMs;
    const r = pushdown([], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('--- a/src/app.ts\n+++ b/src/app.ts\n');
    expect(out).toContain(`\n-  ${LOAD}\n`);
    expect(out).toContain(`\n+  ${COUNT}\n`);
    // The hunk is labelled with rule and tier, before its @@ line.
    expect(out).toMatch(/ {2}length-to-count \(safe\): \S.*\n@@ -\d+,\d+ \+\d+,\d+ @@/);
    // The finding, as path:line:col  rule  message.
    expect(out).toMatch(/^src\/finding\.ts:4:\d+ {2}length-to-count {2}\S/m);
    // No diff for the finding-only or clean file.
    expect(out).not.toContain('a/src/finding.ts');
    expect(out).not.toContain('a/src/clean.ts');
    // Summary.
    expect(out).toMatch(/3 files scanned, 3 parsed, 1 to change/);
    expect(out).toMatch(/length-to-count: 1 safe, 0 review/);
    expect(out).toMatch(/findings: 1\n\s+length-to-count: 1/);
    expect(out).toMatch(/done in \d+(\.\d+)? m?s/);
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'dry run: nothing written; rerun with --write (safe edits) or --write --unsafe (also review edits)',
    );
    expect(snapshot(dir)).toEqual(before);
    expect(statSync(join(dir, 'src/app.ts')).mtimeMs).toBe(mtime);
  }, SLOW);

  it('paths default to "."', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'lib/other.ts': APP });
    const implicit = pushdown(['--format', 'json'], { cwd: dir });
    const explicit = pushdown(['--format', 'json', '.'], { cwd: dir });
    expect(implicit.status).toBe(0);
    expect(json(implicit).files.map((f) => f.path)).toEqual(['lib/other.ts', 'src/app.ts']);
    expect(stableJson(implicit)).toEqual(stableJson(explicit));
  }, SLOW);

  it('several paths, files and directories, reported once each in sorted order', () => {
    const dir = tempDir({ 'b/app.ts': APP, 'a/app.ts': APP, 'c/app.ts': APP });
    const r = pushdown(['--format', 'json', 'c', 'a/app.ts', 'b'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(json(r).files.map((f) => f.path)).toEqual(['a/app.ts', 'b/app.ts', 'c/app.ts']);
  }, SLOW);

  it('a tree with nothing to rewrite exits 0 and says so', () => {
    const dir = tempDir({ 'src/clean.ts': CLEAN });
    const r = pushdown([], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('---');
    expect(r.stdout).toMatch(/1 file scanned, 1 parsed, 0 to change/);
    expect(r.stdout).toContain('edits: none');
    expect(r.stdout).toContain('findings: none');
  }, SLOW);
});

// --------------------------------------------------------------------------- --write

describe('--write', () => {
  it('writes safe edits, leaves findings and clean files alone, exits 0', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING, 'src/clean.ts': CLEAN });
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    expect(read(dir, 'src/finding.ts')).toBe(FINDING);
    expect(read(dir, 'src/clean.ts')).toBe(CLEAN);
    expect(r.stdout).toMatch(/src\/app\.ts written/);
    expect(r.stdout).toMatch(/3 files scanned, 3 parsed, 1 changed, 1 written/);
    expect(r.stdout).not.toContain('dry run');
    // A second run finds nothing left to rewrite (idempotence through the CLI).
    const again = pushdown(['--check', '-t', 'length-to-count'], { cwd: dir });
    expect(again.stdout).not.toContain('a/src/app.ts');
  }, SLOW);

  it('keeps CRLF line endings', () => {
    const crlf = APP.replace(/\n/g, '\r\n');
    const dir = tempDir({ 'app.ts': crlf });
    const r = pushdown(['--write', 'app.ts'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(read(dir, 'app.ts')).toBe(APP_AFTER.replace(/\n/g, '\r\n'));
  }, SLOW);

  it('keeps a UTF-8 byte order mark', () => {
    const dir = tempDir({ 'app.ts': `\uFEFF${APP}` });
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'app.ts'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`\uFEFF${APP_AFTER}`);
  }, SLOW);

  it('keeps the file mode', () => {
    const dir = tempDir({ 'tool.ts': APP, 'ro.ts': APP });
    chmodSync(join(dir, 'tool.ts'), 0o755);
    chmodSync(join(dir, 'ro.ts'), 0o640);
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(read(dir, 'tool.ts')).toBe(APP_AFTER);
    expect(statSync(join(dir, 'tool.ts')).mode & 0o777).toBe(0o755);
    expect(read(dir, 'ro.ts')).toBe(APP_AFTER);
    expect(statSync(join(dir, 'ro.ts')).mode & 0o777).toBe(0o640);
  }, SLOW);

  it('keeps a file without a trailing newline without one', () => {
    const dir = tempDir({ 'app.ts': APP.trimEnd() });
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(read(dir, 'app.ts')).toBe(APP_AFTER.trimEnd());
  }, SLOW);

  it('--unsafe is accepted with --write and applies at least the safe edits', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING });
    const r = pushdown(['--write', '--unsafe', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    expect(read(dir, 'src/finding.ts')).toBe(FINDING);
    const report = json(r);
    expect(report.totals.filesWritten).toBe(1);
    expect(report.files.find((f) => f.path === 'src/app.ts')?.written).toBe(true);
  }, SLOW);
});

// --------------------------------------------------------------------------- review tier, --unsafe, --schema

describe('review-tier edits, --unsafe and --schema', () => {
  // filter-to-where is review tier and needs field facts from a schema. The
  // schema sits where discovery does not look, so only --schema finds it.
  const SCHEMA = `datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id     Int     @id @default(autoincrement())\n  email  String  @unique\n  age    Int\n  active Boolean\n}\n`;
  const FILTER = `import { prisma } from './db';

export async function adults(minAge: number) {
  const users = (await prisma.user.findMany({ orderBy: { id: 'asc' } })).filter((u) => u.active && u.age >= minAge);
  return users.map((u) => u.email);
}
`;
  const FILTER_AFTER = FILTER.replace(
    "(await prisma.user.findMany({ orderBy: { id: 'asc' } })).filter((u) => u.active && u.age >= minAge)",
    "await prisma.user.findMany({ orderBy: { id: 'asc' }, where: { active: true, age: { gte: minAge } } })",
  );
  const tree = () => tempDir({ 'src/adults.ts': FILTER, 'config/app.prisma': SCHEMA });
  const withSchema = ['-t', 'filter-to-where', '--schema', 'config/app.prisma'];

  it('without a schema the rule declines with a finding that points at --schema', () => {
    const dir = tree();
    const r = pushdown(['-t', 'filter-to-where', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    const file = json(r).files[0]!;
    expect(file.status).toBe('unchanged');
    expect(file.findings).toEqual([
      {
        rule: 'filter-to-where',
        messageId: 'cannot-narrow',
        severity: 'error',
        line: 4,
        column: expect.any(Number),
        message: expect.stringContaining('no Prisma schema'),
        suggestion: expect.stringContaining('--schema'),
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  }, SLOW);

  it('a dry run previews the review edit and says it needs --unsafe', () => {
    const dir = tree();
    const r = pushdown(withSchema, { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}filter-to-where \(review, applied only with --unsafe\): \S.*\n@@ /m);
    expect(r.stdout).toContain(`+${FILTER_AFTER.split('\n')[3]}`);
    expect(r.stdout).toContain('filter-to-where: 0 safe, 1 review');
    expect(read(dir, 'src/adults.ts')).toBe(FILTER);
  }, SLOW);

  it('--check exits 1 on a review edit, and the hint names --unsafe', () => {
    const r = pushdown(['--check', ...withSchema], { cwd: tree() });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/check: 1 edit and 0 findings reported; rerun with --write --unsafe to apply the review edit \(check each first\)$/m);
  }, SLOW);

  it('a patch holds what --write would write: review edits only with --unsafe, and says so on stderr', () => {
    const dir = tree();
    const r = pushdown(['--format', 'patch', ...withSchema], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^pushdown: note: 1 review-tier edit\(s\) are not in this patch; add --unsafe to include them\n$/);
    const unsafe = pushdown(['--format', 'patch', '--unsafe', ...withSchema], { cwd: dir });
    expect(unsafe.stderr).toBe('');
    expect(unsafe.stdout).toMatch(/^--- a\/src\/adults\.ts\n/);
    expect(unsafe.stdout).toMatch(/^@@ .* @@ filter-to-where \(review\)$/m);
  }, SLOW);

  it('--write withholds it and says how to apply it; --write --unsafe applies it', () => {
    const dir = tree();
    const w = pushdown(['--write', ...withSchema], { cwd: dir });
    expect(w.status).toBe(0);
    expect(read(dir, 'src/adults.ts')).toBe(FILTER);
    expect(w.stdout).toMatch(/^src\/adults\.ts:4:\d+ {2}filter-to-where \(review, withheld\) {2}\S.*\(apply with --write --unsafe\)$/m);
    expect(w.stdout).toContain('1 review edit withheld; rerun with --write --unsafe to apply them too');

    const j = json(pushdown(['--write', '--format', 'json', ...withSchema], { cwd: dir }));
    expect(j.files[0]!.edits).toEqual([expect.objectContaining({ rule: 'filter-to-where', tier: 'review', applied: false })]);
    expect(j.totals.filesWritten).toBe(0);

    const u = pushdown(['--write', '--unsafe', ...withSchema], { cwd: dir });
    expect(u.status, u.stdout + u.stderr).toBe(0);
    expect(read(dir, 'src/adults.ts')).toBe(FILTER_AFTER);
    expect(u.stdout).toMatch(/src\/adults\.ts written/);
  }, SLOW);

  it('an unparsable --schema is a usage error', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'bad.prisma': 'model {{{ nope\n' });
    expectUsageError(pushdown(['--schema', 'bad.prisma'], { cwd: dir }), /bad\.prisma/);
  }, SLOW);

  it('an unreadable discovered schema is a warning in every format; the run goes on', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'schema.prisma': 'model {{{ nope\n' });
    const pretty = pushdown([], { cwd: dir });
    expect(pretty.status).toBe(0);
    expect(pretty.stdout).toMatch(/^warning {2}\S.*schema\.prisma/m);
    expect(pretty.stdout).toContain(`+  ${COUNT}`);
    const j = json(pushdown(['--format', 'json'], { cwd: dir }));
    expect(j.warnings).toEqual([expect.stringContaining('schema.prisma')]);
    const patch = pushdown(['--format', 'patch'], { cwd: dir });
    expect(patch.stdout.startsWith('--- a/src/app.ts\n')).toBe(true);
    expect(patch.stderr).toMatch(/^pushdown: warning: \S.*schema\.prisma/);
  }, SLOW);
});

// --------------------------------------------------------------------------- --check

describe('--check', () => {
  it('exits 1 when an edit would be made, shows it, writes nothing', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    const r = pushdown(['--check'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`+  ${COUNT}`);
    expect(r.stdout).toMatch(/check: 1 edit and 0 findings reported; rerun with --write to apply them$/m);
    expect(read(dir, 'src/app.ts')).toBe(APP);
  }, SLOW);

  it('exits 1 when only a finding is reported', () => {
    const dir = tempDir({ 'src/finding.ts': FINDING, 'src/clean.ts': CLEAN });
    const r = pushdown(['--check'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^src\/finding\.ts:4:\d+ {2}length-to-count {2}\S/m);
    // Nothing --write could fix: the hint does not send the user to --write.
    expect(r.stdout).toMatch(/check: 0 edits and 1 finding reported; the finding needs a manual fix \(see each message\)$/m);
    expect(r.stdout).not.toMatch(/check:.*--write/);
  }, SLOW);

  it('exits 0 on a clean tree', () => {
    const dir = tempDir({ 'src/clean.ts': CLEAN, 'src/util.ts': 'export const x = 1;\n' });
    const r = pushdown(['--check'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('check: nothing to rewrite');
  }, SLOW);

  it('exits 0 after --write has fixed the tree', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    expect(pushdown(['--check'], { cwd: dir }).status).toBe(1);
    expect(pushdown(['--write'], { cwd: dir }).status).toBe(0);
    expect(pushdown(['--check'], { cwd: dir }).status).toBe(0);
  }, SLOW);

  it('the exit code does not depend on the format', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    for (const format of ['pretty', 'patch', 'json']) {
      expect(pushdown(['--check', '--format', format], { cwd: dir }).status).toBe(1);
    }
  }, SLOW);
});

describe('--check with a baseline', () => {
  it('exits 1 on a finding, 0 once the baseline knows it, 1 again when a new one appears', () => {
    const dir = tempDir({ 'src/finding.ts': FINDING, 'src/clean.ts': CLEAN });
    expect(pushdown(['--check'], { cwd: dir }).status).toBe(1);

    const written = pushdown(['--baseline', '.pushdown-baseline.json', '--update-baseline'], { cwd: dir });
    expect(written.status, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/baseline written: 1 finding/);
    const file = JSON.parse(read(dir, '.pushdown-baseline.json')) as { findings: Array<{ path: string; rule: string }> };
    expect(file.findings.map((f) => `${f.path} ${f.rule}`)).toEqual(['src/finding.ts length-to-count']);

    const known = pushdown(['--check', '--baseline', '.pushdown-baseline.json'], { cwd: dir });
    expect(known.status, known.stdout).toBe(0);
    expect(known.stdout).toMatch(/1 in the baseline/);

    // Moved down two lines: still known.
    writeFileSync(join(dir, 'src/finding.ts'), `// moved\n\n${FINDING}`);
    expect(pushdown(['--check', '--baseline', '.pushdown-baseline.json'], { cwd: dir }).status).toBe(0);

    // A second file with the same anti-pattern is new.
    writeFileSync(join(dir, 'src/other.ts'), FINDING);
    const fresh = pushdown(['--check', '--baseline', '.pushdown-baseline.json'], { cwd: dir });
    expect(fresh.status).toBe(1);
    expect(fresh.stdout).toMatch(/^src\/other\.ts:4:\d+ {2}length-to-count/m);
    expect(fresh.stdout).not.toMatch(/^src\/finding\.ts:/m);
  }, SLOW);

  it('--update-baseline without --baseline, or a baseline that is not one, is a usage error (exit 2)', () => {
    const dir = tempDir({ 'src/finding.ts': FINDING, 'bad.json': '[1]' });
    expectUsageError(pushdown(['--update-baseline'], { cwd: dir }), /--update-baseline needs --baseline/);
    expectUsageError(pushdown(['--check', '--baseline', 'bad.json'], { cwd: dir }), /bad\.json is not a pushdown baseline/);
  }, SLOW);
});

// --------------------------------------------------------------------------- parse errors, unreadable files

describe('files that cannot be processed', () => {
  it('a parse error is reported as path:line:col with a hint, other files still processed, exit 2', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/bad.ts': BAD });
    const r = pushdown([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^src\/bad\.ts:5:\d+ {2}error {2}\S/m);
    expect(r.stdout).toContain('--ignore src/bad.ts');
    expect(r.stdout).toContain(`+  ${COUNT}`);
    expect(r.stdout).toMatch(/1 failed/);
    expect(r.stdout).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, SLOW);

  it('--write still writes the good files and leaves the bad one alone, exit 2', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/bad.ts': BAD });
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    expect(read(dir, 'src/bad.ts')).toBe(BAD);
  }, SLOW);

  it('2 wins over 1 under --check', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/bad.ts': BAD });
    expect(pushdown(['--check'], { cwd: dir }).status).toBe(2);
  }, SLOW);

  it('json reports status parse-error with the position', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/bad.ts': BAD });
    const r = pushdown(['--format', 'json'], { cwd: dir });
    expect(r.status).toBe(2);
    const bad = json(r).files.find((f) => f.path === 'src/bad.ts');
    expect(bad?.status).toBe('parse-error');
    expect(bad?.error?.line).toBe(5);
    expect(bad?.error?.column).toBeGreaterThan(0);
    expect(bad?.error?.message).toMatch(/\S/);
    expect(json(r).totals.filesFailed).toBe(1);
  }, SLOW);

  it('following the hint (--ignore <path>) gives exit 0', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/bad.ts': BAD });
    const r = pushdown(['--ignore', 'src/bad.ts'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('bad.ts');
  }, SLOW);

  it('an unreadable file: exit 2, one clear line naming it, the others still processed', (ctx) => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/secret.ts': APP });
    chmodSync(dir, 0o777);
    for (const d of ['src']) chmodSync(join(dir, d), 0o777);
    chmodSync(join(dir, 'src/app.ts'), 0o666);
    chmodSync(join(dir, 'src/secret.ts'), 0o000);
    const asNobody = unprivileged(dir, ctx);
    const r = pushdown(['--format', 'json'], { cwd: dir, ...asNobody });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    if (r.stdout !== '') {
      // Reported per file: the other file still went through.
      const report = json(r);
      const secret = report.files.find((f) => f.path === 'src/secret.ts');
      expect(secret?.status).toBe('error');
      expect(secret?.error?.message).toMatch(/\S/);
      expect(report.files.find((f) => f.path === 'src/app.ts')?.status).toBe('changed');
    } else {
      expectUsageError(r, /secret\.ts/);
    }
  }, SLOW);
});

// --------------------------------------------------------------------------- git

describe('git working trees', () => {
  it('--write refuses a file with uncommitted changes and says why; --force writes it', () => {
    const dir = gitRepo({ 'src/a.ts': APP, 'src/b.ts': APP });
    const dirtyB = APP + '// local edit\n';
    writeFileSync(join(dir, 'src/b.ts'), dirtyB);

    const r = pushdown(['--write'], { cwd: dir });
    expect(read(dir, 'src/a.ts')).toBe(APP_AFTER);
    expect(read(dir, 'src/b.ts')).toBe(dirtyB);
    expect(r.status).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/^src\/b\.ts {2}not written {2}it has uncommitted changes in git \(modified\)/m);
    expect(out).toContain('--force');
    expect(r.stdout).toMatch(/1 written/);

    const json1 = pushdown(['--write', '--format', 'json'], { cwd: dir });
    const b = json(json1).files.find((f) => f.path === 'src/b.ts');
    expect(b?.writeRefused).toMatch(/\S/);
    expect(b?.written).not.toBe(true);

    const forced = pushdown(['--write', '--force'], { cwd: dir });
    expect(forced.status, forced.stdout + forced.stderr).toBe(0);
    expect(read(dir, 'src/b.ts')).toBe(APP_AFTER + '// local edit\n');
  }, SLOW);

  it('an untracked file is refused as untracked, not as modified', () => {
    const dir = gitRepo({ 'src/a.ts': APP });
    writeFileSync(join(dir, 'src/new.ts'), APP);
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^src\/new\.ts {2}not written {2}git does not track it \(untracked\); add and commit it first/m);
    expect(read(dir, 'src/new.ts')).toBe(APP);
    expect(read(dir, 'src/a.ts')).toBe(APP_AFTER);
  }, SLOW);

  it('a committed file in a repo is written without --force', () => {
    const dir = gitRepo({ 'src/a.ts': APP });
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(read(dir, 'src/a.ts')).toBe(APP_AFTER);
  }, SLOW);

  it('skips node_modules, dist and .gitignore\'d files', () => {
    const dir = gitRepo({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/app.ts': APP,
      'src/types.gen.ts': APP,
      'generated/client.ts': APP,
      'node_modules/pkg/index.ts': APP,
      'dist/app.js': APP,
    });
    const r = pushdown(['--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(json(r).files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(json(r).totals.filesScanned).toBe(1);
    const w = pushdown(['--write'], { cwd: dir });
    expect(w.status).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    for (const p of ['src/types.gen.ts', 'generated/client.ts', 'node_modules/pkg/index.ts', 'dist/app.js']) {
      expect(read(dir, p)).toBe(APP);
    }
  }, SLOW);

  it('skips node_modules and dist outside a git repo too', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'node_modules/pkg/index.ts': APP, 'dist/app.js': APP });
    const r = pushdown(['--write'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(read(dir, 'node_modules/pkg/index.ts')).toBe(APP);
    expect(read(dir, 'dist/app.js')).toBe(APP);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
  }, SLOW);
});

// --------------------------------------------------------------------------- --format patch

describe('--format patch', () => {
  const TREE: Record<string, string> = {
    'src/app.ts': APP,
    'src/deep/nested/repo.ts': APP.replace('countActive', 'countNested'),
    'src/crlf.ts': APP.replace(/\n/g, '\r\n'),
    'src/bom.ts': `\uFEFF${APP}`,
    'src/noeol.ts': APP.trimEnd(),
    'src/twice.ts': `${APP}\n${'// filler\n'.repeat(12)}\nexport async function again() {\n  ${LOAD}\n  return n;\n}\n`,
    'src/finding.ts': FINDING,
    'src/clean.ts': CLEAN,
  };

  it('is only a unified diff, with rule labels after the hunk @@', () => {
    const dir = tempDir(TREE);
    const r = pushdown(['--format', 'patch'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout.startsWith('--- a/')).toBe(true);
    for (const line of r.stdout.replace(/\n$/, '').split('\n')) {
      expect(line).toMatch(/^(--- a\/|\+\+\+ b\/|@@ -\d+(,\d+)? \+\d+(,\d+)? @@|[ +-]|\\ No newline)/);
    }
    expect(r.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@ length-to-count \(safe\)$/m);
    // Two separate hunks in twice.ts, both labelled.
    const twice = r.stdout.slice(r.stdout.indexOf('--- a/src/twice.ts'));
    expect(twice.match(/^@@ .* @@ length-to-count \(safe\)$/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).not.toContain('finding.ts');
    expect(r.stdout).not.toContain('clean.ts');
    expect(r.stdout).not.toContain('dry run');
  }, SLOW);

  it('applied with git apply to a pristine copy gives exactly what --write gives', () => {
    const patched = tempDir(TREE);
    const written = tempDir(TREE);
    const r = pushdown(['--format', 'patch'], { cwd: patched });
    expect(r.status).toBe(0);
    expect(snapshot(patched)).toEqual(snapshot(tempDir(TREE))); // the dry run wrote nothing
    writeFileSync(join(tmpdir(), `pushdown-${process.pid}.patch`), r.stdout);
    const apply = spawnSync('git', ['apply', '--whitespace=nowarn', join(tmpdir(), `pushdown-${process.pid}.patch`)], {
      cwd: patched,
      encoding: 'utf8',
    });
    rmSync(join(tmpdir(), `pushdown-${process.pid}.patch`));
    expect(apply.status, apply.stderr).toBe(0);
    expect(pushdown(['--write'], { cwd: written }).status).toBe(0);
    const a = snapshot(patched);
    const b = snapshot(written);
    expect(a).toEqual(b);
    expect(a['src/app.ts']).toBe(APP_AFTER);
    expect(a['src/crlf.ts']).toBe(APP_AFTER.replace(/\n/g, '\r\n'));
  }, SLOW);

  it('paths are relative to the current directory', () => {
    const dir = tempDir(TREE);
    const r = pushdown(['--format', 'patch', '.'], { cwd: join(dir, 'src/deep') });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^--- a\/nested\/repo\.ts\n\+\+\+ b\/nested\/repo\.ts\n/);
    const apply = spawnSync('git', ['apply', '-'], { cwd: join(dir, 'src/deep'), input: r.stdout, encoding: 'utf8' });
    expect(apply.status, apply.stderr).toBe(0);
    expect(read(dir, 'src/deep/nested/repo.ts')).toBe(APP_AFTER.replace('countActive', 'countNested'));
  }, SLOW);

  it('is empty when nothing changes', () => {
    const dir = tempDir({ 'src/clean.ts': CLEAN, 'src/finding.ts': FINDING });
    const r = pushdown(['--format', 'patch'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  }, SLOW);
});

// --------------------------------------------------------------------------- --format json

describe('--format json', () => {
  it('is one JSON document with files and totals', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING, 'src/clean.ts': CLEAN });
    const r = pushdown(['--format', 'json'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    const report = json(r);
    expect(Object.keys(report).sort()).toEqual(['files', 'totals', 'version']);
    expect(report.version).toBe(1);
    expect(report.files.map((f) => f.path)).toEqual(['src/app.ts', 'src/finding.ts']);

    const app = report.files[0]!;
    expect(app.status).toBe('changed');
    expect(app).not.toHaveProperty('before');
    expect(app).not.toHaveProperty('after');
    expect(app).not.toHaveProperty('absPath');
    expect(app.diff).toContain(`+  ${COUNT}`);
    expect(app.edits).toEqual([
      {
        rule: 'length-to-count',
        tier: 'safe',
        line: 4,
        column: expect.any(Number),
        message: expect.stringMatching(/\S/),
        applied: true,
      },
    ]);
    expect(app.findings).toEqual([]);

    const finding = report.files[1]!;
    expect(finding.status).toBe('unchanged');
    expect(finding.diff).toBe('');
    expect(finding.edits).toEqual([]);
    expect(finding.findings).toEqual([
      {
        rule: 'length-to-count',
        messageId: 'cannot-count',
        severity: 'error',
        line: 4,
        column: expect.any(Number),
        message: expect.stringMatching(/distinct/i),
        suggestion: expect.any(String),
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);

    expect(report.totals).toMatchObject({
      filesScanned: 3,
      filesParsed: 3,
      filesChanged: 1,
      filesWritten: 0,
      filesFailed: 0,
      edits: 1,
      editsByRule: { 'length-to-count': { safe: 1, review: 0 } },
      findings: 1,
      findingsByRule: { 'length-to-count': 1 },
    });
    expect(report.totals.elapsedMs).toBeGreaterThanOrEqual(0);
  }, SLOW);
});

// --------------------------------------------------------------------------- file selection and rule options

describe('file selection', () => {
  it('--ignore skips matching paths (repeatable)', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'legacy/old.ts': APP, 'scripts/seed.ts': APP });
    const r = pushdown(['--write', '--ignore', 'legacy/**', '--ignore', 'scripts/**'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    expect(read(dir, 'legacy/old.ts')).toBe(APP);
    expect(read(dir, 'scripts/seed.ts')).toBe(APP);
    expect(r.stdout).toMatch(/1 file scanned/);
  }, SLOW);

  it('--extensions limits the files scanned (dots tolerated)', () => {
    const js = APP.replace(': Promise<number>', '').replace("import { prisma } from './db';", "import { prisma } from './db.js';");
    const dir = tempDir({ 'src/app.ts': APP, 'src/app.js': js, 'src/app.mjs': js });
    const r = pushdown(['--format', 'json', '--extensions', '.js,mjs'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(json(r).files.map((f) => f.path)).toEqual(['src/app.js', 'src/app.mjs']);
    expect(json(r).totals.filesScanned).toBe(2);
    const all = pushdown(['--format', 'json'], { cwd: dir });
    expect(json(all).files.map((f) => f.path)).toEqual(['src/app.js', 'src/app.mjs', 'src/app.ts']);
  }, SLOW);

  it('--extensions naming nothing present is a usage error', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    expectUsageError(pushdown(['--extensions', 'vue'], { cwd: dir }), /source files|no files|nothing/i);
  }, SLOW);
});

describe('rule selection and options', () => {
  it('-t / --transform accept repeated and comma-separated ids', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING });
    const base = stableJson(pushdown(['--format', 'json'], { cwd: dir }));
    for (const args of [
      ['-t', 'length-to-count'],
      ['--transform', 'length-to-count'],
      ['--transform=length-to-count,length-to-count', '-t', 'length-to-count'],
    ]) {
      const r = pushdown(['--format', 'json', ...args], { cwd: dir });
      expect(r.status, args.join(' ')).toBe(0);
      expect(stableJson(r)).toEqual(base);
    }
  }, SLOW);

  it('-t runs only the named rule', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING });
    for (const meta of registry) {
      const report = json(pushdown(['--format', 'json', '-t', meta.id], { cwd: dir }));
      const rulesSeen = report.files.flatMap((f) => [...f.edits, ...f.findings].map((e) => e.rule));
      expect(rulesSeen.filter((id) => id !== meta.id)).toEqual([]);
      expect(Object.keys(report.totals.editsByRule).every((id) => id === meta.id)).toBe(true);
    }
    const lengthOnly = json(pushdown(['--format', 'json', '-t', 'length-to-count'], { cwd: dir }));
    expect(lengthOnly.totals.editsByRule['length-to-count']?.safe).toBe(1);
  }, SLOW);

  it('--client-names decides which identifiers are an ORM client', () => {
    const repo = APP.replaceAll('prisma', 'repo').replace("from './db'", "from './db'");
    const dir = tempDir({ 'src/repo.ts': repo, 'src/app.ts': APP });
    const byDefault = json(pushdown(['--format', 'json'], { cwd: dir }));
    expect(byDefault.files.map((f) => f.path)).toEqual(['src/app.ts']);
    const named = json(pushdown(['--format', 'json', '--client-names', 'repo'], { cwd: dir }));
    expect(named.files.map((f) => f.path)).toEqual(['src/repo.ts']);
    const both = pushdown(['--write', '--client-names', 'repo,prisma'], { cwd: dir });
    expect(both.status).toBe(0);
    expect(read(dir, 'src/repo.ts')).toBe(APP_AFTER.replaceAll('prisma', 'repo'));
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
  }, SLOW);

  it('--orm chooses the ORM plugins for every file, over package.json detection', () => {
    // The package depends on no ORM: by default every plugin stays active (the fallback).
    const dir = tempDir({ 'package.json': JSON.stringify({ name: 'app', dependencies: { express: '4' } }), 'src/app.ts': APP });
    const detected = json(pushdown(['--format', 'json'], { cwd: dir }));
    expect(detected.files.map((f) => f.path)).toEqual(['src/app.ts']);
    const r = pushdown(['--write', '--orm', 'prisma'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    expectUsageError(pushdown(['--orm', 'prisma,nope'], { cwd: dir }), /unknown ORM 'nope'; known ORMs: .*prisma/);
    expectUsageError(pushdown(['--orm', ''], { cwd: dir }), /--orm needs a comma-separated list/);
  }, SLOW);

  it('--schema accepts an existing schema file', () => {
    const schema = `datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id     Int     @id @default(autoincrement())\n  email  String  @unique\n  active Boolean\n}\n`;
    const dir = tempDir({ 'src/app.ts': APP, 'db/schema.prisma': schema });
    const r = pushdown(['--write', '--schema', 'db/schema.prisma'], { cwd: dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
  }, SLOW);

  it('--batch-size accepts a positive integer', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    const r = pushdown(['--batch-size', '500'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`+  ${COUNT}`);
  }, SLOW);

  it('--jobs does not change the result or its order', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`src/m${String(i).padStart(2, '0')}.ts`] = i % 3 === 0 ? FINDING : APP;
    const dir = tempDir(files);
    const results = ['0', '1', '4'].map((jobs) => pushdown(['--format', 'json', '--jobs', jobs], { cwd: dir }));
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    expect(json(results[0]!).files).toHaveLength(12);
    expect(stableJson(results[1]!)).toEqual(stableJson(results[0]!));
    expect(stableJson(results[2]!)).toEqual(stableJson(results[0]!));
  }, SLOW);
});

// --------------------------------------------------------------------------- colour

describe('colour', () => {
  let dir = '';
  beforeAll(() => {
    dir = tempDir({ 'src/app.ts': APP, 'src/finding.ts': FINDING });
  });

  it('NO_COLOR: no escape codes', () => {
    const r = pushdown([], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`+  ${COUNT}`);
    expect(r.stdout).not.toContain(ESC);
  }, SLOW);

  it('not a terminal and no variables: no escape codes', () => {
    const r = pushdown([], { cwd: dir, env: { NO_COLOR: undefined } });
    expect(r.stdout).toContain(`+  ${COUNT}`);
    expect(r.stdout).not.toContain(ESC);
  }, SLOW);

  it('FORCE_COLOR: coloured diff even into a pipe', () => {
    const r = pushdown([], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${ESC}32m+  ${COUNT}`);
    expect(r.stdout).toContain(`${ESC}31m-  ${LOAD}`);
  }, SLOW);

  it('FORCE_COLOR=0 turns colour off', () => {
    const r = pushdown([], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '0' } });
    expect(r.stdout).toContain(`+  ${COUNT}`);
    expect(r.stdout).not.toContain(ESC);
  }, SLOW);

  it('usage errors are plain text whatever the colour settings', () => {
    const r = pushdown(['--bogus'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(ESC);
  }, SLOW);
});

// --------------------------------------------------------------------------- reporters on hand-built results

describe('reporters (pure functions)', () => {
  const totals = (over: Partial<Totals> = {}): Totals => ({
    filesScanned: 2,
    filesParsed: 2,
    filesChanged: 1,
    filesWritten: 0,
    filesFailed: 0,
    edits: 3,
    editsApplied: 2,
    editsByRule: { 'length-to-count': { safe: 1, review: 0 }, 'index-to-find-first': { safe: 1, review: 1 } },
    findings: 0,
    findingsByRule: {},
    withheld: { suppressed: 0, baselined: 0, inTestFiles: 0, hints: 0 },
    elapsedMs: 12,
    ...over,
  });
  // Two hunks: old lines 1-7 (edit at line 4) and 20-26 (edit at 23); a withheld review edit at line 40.
  const diff = [
    '--- a/src/x.ts',
    '+++ b/src/x.ts',
    '@@ -1,7 +1,7 @@',
    ' a',
    ' b',
    ' c',
    '-old1',
    '+new1',
    ' d',
    ' e',
    ' f',
    '@@ -20,7 +20,7 @@',
    ' g',
    ' h',
    ' i',
    '-old2',
    '+new2',
    ' j',
    ' k',
    ' l',
    '',
  ].join('\n');
  const file: FileResult = {
    path: 'src/x.ts',
    absPath: '/abs/src/x.ts',
    status: 'changed',
    diff,
    before: 'B',
    after: 'A',
    parsed: true,
    edits: [
      { rule: 'length-to-count', tier: 'safe', line: 4, column: 13, message: 'count() instead', applied: true },
      { rule: 'index-to-find-first', tier: 'safe', line: 23, column: 5, message: 'findFirst instead', applied: true },
      { rule: 'index-to-find-first', tier: 'review', line: 40, column: 9, message: 'order may differ', applied: false },
    ],
    findings: [],
  };
  const result: RunResult = { files: [file], totals: totals() };

  it('pretty labels each hunk with the rules of the edits inside it, and shows withheld edits', () => {
    const out = renderPretty(result, { color: false, mode: 'dry-run', unsafe: false });
    const first = out.indexOf('@@ -1,7');
    const second = out.indexOf('@@ -20,7');
    const labelA = out.indexOf('  length-to-count (safe): count() instead');
    const labelB = out.indexOf('  index-to-find-first (safe): findFirst instead');
    expect(labelA).toBeGreaterThan(-1);
    expect(labelA).toBeLessThan(first);
    expect(labelB).toBeGreaterThan(first);
    expect(labelB).toBeLessThan(second);
    expect(out).toContain('  length-to-count (safe): count() instead\n@@ -1,7 +1,7 @@\n');
    expect(out).toContain('  index-to-find-first (safe): findFirst instead\n@@ -20,7 +20,7 @@\n');
    // The withheld edit at line 40 is in no hunk: it must not label one.
    expect(out).not.toMatch(/order may differ\n@@/);
    expect(out).toMatch(/^src\/x\.ts:40:9 {2}index-to-find-first \(review, withheld\) {2}order may differ \(apply with --write --unsafe\)$/m);
    expect(out).toContain('index-to-find-first: 1 safe, 1 review, 1 withheld');
    expect(out).not.toContain(ESC);
  });

  it('pretty marks a previewed review edit as needing --unsafe', () => {
    const previewed: FileResult = {
      ...file,
      edits: [{ rule: 'index-to-find-first', tier: 'review', line: 4, column: 1, message: 'order may differ', applied: true }],
    };
    const preview = renderPretty({ files: [previewed], totals: totals() }, { color: false, mode: 'dry-run', unsafe: false });
    expect(preview).toContain('  index-to-find-first (review, applied only with --unsafe): order may differ\n@@ -1,7 +1,7 @@\n');
    const unsafe = renderPretty({ files: [previewed], totals: totals() }, { color: false, mode: 'dry-run', unsafe: true });
    expect(unsafe).toContain('  index-to-find-first (review): order may differ\n@@ -1,7 +1,7 @@\n');
  });

  it('pretty colours only when asked', () => {
    expect(renderPretty(result, { color: true, mode: 'dry-run', unsafe: false })).toContain(`${ESC}32m+new1`);
  });

  it('pretty in write mode reports withheld review edits and refused files', () => {
    const refused: FileResult = { ...file, path: 'src/y.ts', writeRefused: 'uncommitted changes', written: false };
    const out = renderPretty(
      { files: [{ ...file, written: true }, refused], totals: totals({ filesWritten: 1 }) },
      { color: false, mode: 'write', unsafe: false },
    );
    expect(out).toMatch(/^src\/x\.ts written$/m);
    expect(out).toMatch(/^src\/y\.ts not written$/m);
    expect(out).toMatch(/^src\/y\.ts {2}not written {2}uncommitted changes$/m);
    expect(out).toContain('2 review edits withheld; rerun with --write --unsafe');
    expect(out).toContain('1 written');
    expect(out).not.toContain('dry run');
  });

  it('patch carries labels only for applied edits and nothing else', () => {
    const out = renderPatch(result);
    expect(out).toBe(
      diff
        .replace('@@ -1,7 +1,7 @@', '@@ -1,7 +1,7 @@ length-to-count (safe)')
        .replace('@@ -20,7 +20,7 @@', '@@ -20,7 +20,7 @@ index-to-find-first (safe)'),
    );
  });

  it('a hunk holding several edits labels each with its line, in pretty and in the patch', () => {
    const several: FileResult = {
      ...file,
      edits: [
        { rule: 'length-to-count', tier: 'safe', line: 4, column: 13, message: 'count() instead', applied: true },
        { rule: 'length-to-count', tier: 'safe', line: 5, column: 13, message: 'count() again', applied: true },
        { rule: 'index-to-find-first', tier: 'safe', line: 6, column: 3, message: 'findFirst', applied: true },
      ],
    };
    const pretty = renderPretty({ files: [several], totals: totals() }, { color: false, mode: 'dry-run', unsafe: false });
    expect(pretty).toContain('  line 4: length-to-count (safe): count() instead\n  line 5: length-to-count (safe): count() again\n  line 6: index-to-find-first (safe): findFirst\n@@ -1,7 +1,7 @@\n');
    expect(renderPatch({ files: [several], totals: totals() })).toContain('@@ -1,7 +1,7 @@ length-to-count (safe) at 4, 5, index-to-find-first (safe) at 6\n');
  });

  it('patch drops a jsdiff Index/=== banner', () => {
    const banner = `Index: src/x.ts\n${'='.repeat(67)}\n${diff}`;
    expect(renderPatch({ files: [{ ...file, diff: banner, edits: [] }], totals: totals() })).toBe(diff);
  });

  it('json omits contents and absolute paths, and files with nothing to report', () => {
    const quiet: FileResult = { ...file, path: 'src/q.ts', status: 'unchanged', diff: '', edits: [], findings: [] };
    const report = JSON.parse(renderJson({ files: [file, quiet], totals: totals(), warnings: [] })) as JsonReport;
    expect(Object.keys(report).sort()).toEqual(['files', 'totals', 'version']);
    expect(report.files).toHaveLength(1);
    expect(Object.keys(report.files[0]!).sort()).toEqual(['diff', 'edits', 'findings', 'path', 'status']);
    expect(report.files[0]!.edits[2]).toEqual(file.edits[2]);
    expect(report.totals).toEqual(totals());
  });
});

// --------------------------------------------------------------------------- config files and environment

describe('config: package.json#pushdown, pushdown.config.{json,mjs}, PUSHDOWN_*; flags win', () => {
  const TWO = `import { prisma } from './db';

export async function two() {
  ${LOAD}
  const [first] = await prisma.user.findMany({ orderBy: { id: 'asc' } });
  return [n, first];
}
`;
  const rulesOf = (r: Run) => [...new Set(json(r).files.flatMap((f) => f.edits.map((e) => e.rule)))].sort();

  it('package.json#pushdown selects rules, found from a subfolder upwards; a flag overrides it', () => {
    const dir = tempDir({ 'package.json': JSON.stringify({ name: 'app', pushdown: { rules: ['index-to-find-first'] } }), 'src/two.ts': TWO });
    const sub = join(dir, 'src');
    expect(rulesOf(pushdown(['--format', 'json'], { cwd: sub }))).toEqual(['index-to-find-first']);
    expect(rulesOf(pushdown(['--format', 'json', '-t', 'length-to-count'], { cwd: sub }))).toEqual(['length-to-count']);
  }, SLOW);

  it('pushdown.config.json: ignore globs relative to its folder, batch size; the config file is never scanned', () => {
    const dir = tempDir({
      'pushdown.config.json': JSON.stringify({ ignore: ['src/legacy/**'], rules: 'length-to-count' }),
      'pushdown.config.ts': `export default { x: (await prisma.user.findMany()).length };\n`,
      'src/app.ts': APP,
      'src/legacy/old.ts': APP,
    });
    const r = pushdown(['--format', 'json'], { cwd: join(dir, 'src') });
    expect(r.status, r.stderr).toBe(0);
    expect(json(r).files.map((f) => f.path)).toEqual(['app.ts']);
    // pushdown.config.ts is named as not read, and is not scanned from the root either.
    expect(r.stderr).toMatch(/pushdown\.config\.ts is not read/);
    const root = pushdown(['--format', 'json'], { cwd: dir });
    expect(json(root).files.map((f) => f.path)).toEqual(['src/app.ts']);
  }, SLOW);

  it('pushdown.config.mjs (default export) beats pushdown.config.json in the same folder; env beats config; flags beat env', () => {
    const dir = tempDir({
      'pushdown.config.mjs': `export default { rules: ['index-to-find-first'] };\n`,
      'pushdown.config.json': JSON.stringify({ rules: ['length-to-count'] }),
      'src/two.ts': TWO,
    });
    expect(rulesOf(pushdown(['--format', 'json'], { cwd: dir }))).toEqual(['index-to-find-first']);
    expect(rulesOf(pushdown(['--format', 'json'], { cwd: dir, env: { PUSHDOWN_TRANSFORM: 'length-to-count' } }))).toEqual(['length-to-count']);
    expect(
      rulesOf(pushdown(['--format', 'json', '-t', 'index-to-find-first,length-to-count'], { cwd: dir, env: { PUSHDOWN_TRANSFORM: 'length-to-count' } })),
    ).toEqual(['index-to-find-first', 'length-to-count']);
  }, SLOW);

  const SCHEMA = `datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id  Int @id\n  age Int\n}\n`;
  const FILTER = `import { prisma } from './db';\nexport async function f() {\n  const users = (await prisma.user.findMany({ orderBy: { id: 'asc' } })).filter((u) => u.age >= 18);\n  return users.map((u) => u.id);\n}\n`;

  it('tiers: ["safe", "review"] and a schema path in a config: review edits applied under --write only', () => {
    const config = (tiers: string[]) => JSON.stringify({ tiers, rules: ['filter-to-where'], schema: 'c/app.prisma' });
    const safeOnly = gitRepo({ 'pushdown.config.json': config(['safe']), 'src/f.ts': FILTER, 'c/app.prisma': SCHEMA });
    expect(pushdown(['--write'], { cwd: join(safeOnly, 'src') }).status).toBe(0);
    expect(read(safeOnly, 'src/f.ts')).toBe(FILTER);
    const dir = gitRepo({ 'pushdown.config.json': config(['safe', 'review']), 'src/f.ts': FILTER, 'c/app.prisma': SCHEMA });
    expect(pushdown([], { cwd: join(dir, 'src') }).status).toBe(0); // a config's unsafe is no error in a dry run
    expect(read(dir, 'src/f.ts')).toBe(FILTER);
    const r = pushdown(['--write'], { cwd: join(dir, 'src') });
    expect(r.status, r.stderr).toBe(0);
    expect(read(dir, 'src/f.ts')).toContain('where: { age: { gte: 18 } }');
  }, SLOW);

  it('bad config values and unknown keys are one line naming the file and key', () => {
    const bad = tempDir({ 'pushdown.config.json': JSON.stringify({ batchSize: 0 }), 'src/app.ts': APP });
    expectUsageError(pushdown([], { cwd: bad }), /batchSize in .*pushdown\.config\.json must be a positive integer, got '0'/);
    const typo = tempDir({ 'pushdown.config.json': JSON.stringify({ clientName: ['db'] }), 'src/app.ts': APP });
    expectUsageError(pushdown([], { cwd: typo }), /pushdown\.config\.json: unknown key 'clientName' \(did you mean 'clientNames'\?\)/);
    const env = tempDir({ 'src/app.ts': APP });
    expectUsageError(pushdown([], { cwd: env, env: { PUSHDOWN_JOBS: 'many' } }), /^pushdown: PUSHDOWN_JOBS must be a non-negative integer, got 'many'$/);
    const broken = tempDir({ 'pushdown.config.json': '{ nope', 'src/app.ts': APP });
    expectUsageError(pushdown([], { cwd: broken }), /pushdown\.config\.json: cannot read it/);
  }, SLOW);

  it('--quiet silences notes on stderr', () => {
    const dir = tempDir({ 'src/f.ts': FILTER, 'c/app.prisma': SCHEMA });
    const args = ['--format', 'patch', '-t', 'filter-to-where', '--schema', 'c/app.prisma'];
    expect(pushdown(args, { cwd: dir }).stderr).toMatch(/note: 1 review-tier edit/);
    expect(pushdown([...args, '--quiet'], { cwd: dir }).stderr).toBe('');
  }, SLOW);
});

// --------------------------------------------------------------------------- interrupts and temp files

describe('SIGINT during --write, and temp files an interrupted run left', () => {
  /** Every `.pushdown-*.tmp` file under dir. */
  const tempFiles = (dir: string): string[] => Object.keys(snapshot(dir)).filter((p) => /\.pushdown-\d+-[0-9a-f]{8}\.tmp$/.test(p));

  it('stops between two files, removes no file half-written, leaves no temp file, reports what was written, exits 130', async () => {
    const files: Record<string, string> = {};
    const N = 600;
    for (let i = 0; i < N; i++) files[`src/f${String(i).padStart(4, '0')}.ts`] = APP;
    const dir = gitRepo(files);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FORCE_COLOR') env[k] = v;
    const child = spawn(process.execPath, [CLI, '--write', '--jobs', '1', '--format', 'json'], { cwd: dir, env: { ...env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    // Files are written in path order: wait until the first one is, then interrupt.
    const first = join(dir, 'src/f0000.ts');
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && readFileSync(first, 'utf8') === APP) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    const code = await exited;
    expect(code, stderr).toBe(130);
    expect(tempFiles(dir)).toEqual([]);
    const onDisk = Object.entries(snapshot(dir)).filter(([p, text]) => p.startsWith('src/') && text === APP_AFTER).map(([p]) => p);
    // Every file is either rewritten whole or untouched.
    expect(Object.entries(snapshot(dir)).every(([p, text]) => !p.startsWith('src/') || text === APP || text === APP_AFTER)).toBe(true);
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk.length).toBeLessThan(N);
    expect(stderr).toMatch(new RegExp(`^pushdown: interrupted after \\d+ of ${N} files; ${onDisk.length} file\\(s\\) written before the signal, ${N - onDisk.length} left unchanged$`, 'm'));
    // The report lists exactly the files written.
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.filter((f) => f.written === true).map((f) => f.path).sort()).toEqual(onDisk.sort());
  }, SLOW);

  it('a temp file left by a killed run is named by a dry run and removed by --write', () => {
    const dir = gitRepo({ 'src/app.ts': APP });
    // pid 2^22 + 1 is above Linux's pid_max default: no such process.
    const stale = 'src/.app.ts.pushdown-4194305-0a1b2c3d.tmp';
    writeFileSync(join(dir, stale), 'half');
    const dry = pushdown(['--format', 'json'], { cwd: dir });
    expect(json(dry).warnings).toEqual([`${stale}: a temp file an interrupted run left behind; the next --write removes it (or delete it)`]);
    expect(existsSync(join(dir, stale))).toBe(true);
    const w = pushdown(['--write'], { cwd: dir });
    expect(w.status, w.stdout + w.stderr).toBe(0);
    expect(w.stdout).toContain(`${stale}: removed a temp file an interrupted run left behind`);
    expect(existsSync(join(dir, stale))).toBe(false);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
  }, SLOW);
});

// --------------------------------------------------------------------------- exact reasons

describe('discovery and reading say what they skipped and why', () => {
  it('a symlinked file is scanned once, under its own path; links to folders, outside the tree and loops are named', () => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/sub/clean.ts': CLEAN, 'other/out.ts': APP });
    symlinkSync('app.ts', join(dir, 'src/link.ts'));
    symlinkSync('../other/out.ts', join(dir, 'src/outlink.ts'));
    symlinkSync('sub', join(dir, 'src/dirlink'));
    symlinkSync('loop1.ts', join(dir, 'src/loop2.ts'));
    symlinkSync('loop2.ts', join(dir, 'src/loop1.ts'));
    const r = pushdown(['src', '--format', 'json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const report = json(r);
    expect(report.files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(report.totals.filesScanned).toBe(2);
    expect(report.warnings).toEqual([
      'src/dirlink: a symbolic link to a folder; not followed (scan src/sub to include it)',
      'src/loop1.ts: a symbolic link that loops; skipped',
      'src/loop2.ts: a symbolic link that loops; skipped',
      `src/outlink.ts: a symbolic link to a file outside the scanned folder (${realpathSync(join(dir, 'other/out.ts'))}); skipped`,
    ]);
    // --write writes the file, not through the link (the link stays a link).
    expect(pushdown(['src', '--write'], { cwd: dir }).status).toBe(0);
    expect(read(dir, 'src/app.ts')).toBe(APP_AFTER);
    expect(lstatSync(join(dir, 'src/link.ts')).isSymbolicLink()).toBe(true);
  }, SLOW);

  it('a file that is not UTF-8 is reported as such, not as a read error', () => {
    const dir = tempDir({ 'src/app.ts': APP });
    writeFileSync(join(dir, 'src/latin1.ts'), Buffer.from('const s = "caf\xe9";\nconst n = (await prisma.user.findMany()).length;\n', 'latin1'));
    const r = pushdown(['--format', 'json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(json(r).files.find((f) => f.path === 'src/latin1.ts')?.error?.message).toBe('not valid UTF-8; pushdown only edits UTF-8 files, so it was left alone');
  }, SLOW);

  it('an unreadable folder is named, the rest is scanned', (ctx) => {
    const dir = tempDir({ 'src/app.ts': APP, 'src/locked/x.ts': APP });
    chmodSync(dir, 0o777);
    chmodSync(join(dir, 'src'), 0o777);
    chmodSync(join(dir, 'src/locked'), 0o000);
    const asNobody = unprivileged(dir, ctx);
    const r = pushdown(['--format', 'json'], { cwd: dir, ...asNobody });
    chmodSync(join(dir, 'src/locked'), 0o755);
    expect(r.status, r.stderr).toBe(0);
    expect(json(r).warnings).toEqual(['src/locked: cannot read the folder (EACCES); its files were not scanned']);
    expect(json(r).files.map((f) => f.path)).toEqual(['src/app.ts']);
  }, SLOW);
});

describe('progress', () => {
  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;

  it.skipIf(!hasScript)('on a terminal: files done / total on stderr; --quiet silences it; never in a pipe', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/f${i}.ts`] = APP;
    const dir = tempDir(files);
    // script(1) gives the CLI a terminal; its output is what the terminal showed.
    const onTty = (extra: string) =>
      spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" --format json ${extra} > out.json`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: SLOW,
        env: { ...process.env, NO_COLOR: '1' },
      });
    const shown = onTty('');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/pushdown: \d+\/30 files analysed/);
    expect(shown.stdout).toMatch(/pushdown: 30\/30 files analysed/);
    expect(JSON.parse(read(dir, 'out.json')).files).toHaveLength(30);
    expect(onTty('--quiet').stdout).not.toMatch(/files analysed/);
    expect(pushdown(['--format', 'json'], { cwd: dir }).stderr).toBe('');
  }, SLOW);
});
