/**
 * The formats reviewers and CI read: SARIF 2.1.0 (validated against the
 * vendored schema with ajv; fixes that rebuild what --write writes;
 * fingerprints that survive moved lines), GitHub workflow commands (escaping),
 * markdown, and the README's GitHub Actions workflow, whose pushdown commands
 * run here as written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../lib/report/github.js';
import type { FileResult, RunResult } from '../lib/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist/bin/pushdown.js');
const SLOW = 120_000;

const APP = `import { prisma } from './db';

export async function stats() {
  const n = (await prisma.user.findMany({ where: { active: true } })).length;
  const d = (await prisma.user.findMany({ distinct: ['email'] })).length;
  const [first] = await prisma.post.findMany({ orderBy: { id: 'desc' } });
  const m = (await prisma.user.findMany({ where: { name: 'a:b,c%d' } })).length;
  return [n, d, first, m];
}
`;

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pushdown-formats-'));
  temps.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: SLOW });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
  partialFingerprints: Record<string, string>;
  properties: { tier: string };
  fixes?: Array<{ artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }> }> }>;
}
interface SarifLog {
  version: string;
  runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string; help: { text: string } }> } }; results: SarifResult[] }>;
}

function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  // Written for draft-04: read as draft-07 (see test/sarif/README.md).
  const { id, $schema: _draft, ...rest } = schema;
  // Its language pattern has a stray `]`, which only a non-unicode RegExp accepts.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: id as string });
}

describe('--format sarif', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0: one run, a rule per pushdown rule with help, results for edits and findings', () => {
    const dir = project({ 'src/app.ts': APP });
    const r = run(['--format', 'sarif'], dir);
    expect(r.status, r.stderr).toBe(0);
    const log = JSON.parse(r.stdout) as SarifLog;
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
    // The validator does reject what is not SARIF.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] })).toBe(false);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((x) => x.id)).toContain('length-to-count');
    expect(rules.every((x) => x.help.text.length > 0)).toBe(true);
    const results = log.runs[0]!.results;
    expect(results.filter((x) => x.properties.tier === 'finding').map((x) => x.ruleId)).toEqual(['length-to-count']);
    expect(results.filter((x) => x.properties.tier !== 'finding').map((x) => x.locations[0]!.physicalLocation.region.startLine)).toEqual([4, 6, 7]);
    expect(results.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'src/app.ts')).toBe(true);
  }, SLOW);

  it('the tool notifications name a file that could not be parsed, still schema-valid', () => {
    const dir = project({ 'src/app.ts': APP, 'src/bad.ts': 'const = (await prisma.user.findMany()).length;\n' });
    const r = run(['--format', 'sarif'], dir);
    expect(r.status).toBe(2);
    expect(validate(JSON.parse(r.stdout))).toBe(true);
    expect(r.stdout).toMatch(/"text": "src\/bad\.ts: /);
  }, SLOW);

  it('applying every fix to the original text gives what --write writes', () => {
    const dir = project({ 'src/app.ts': APP });
    const log = JSON.parse(run(['--format', 'sarif'], dir).stdout) as SarifLog;
    const replacements = log.runs[0]!.results.flatMap((x) => x.fixes ?? []).flatMap((f) => f.artifactChanges).flatMap((c) => c.replacements);
    expect(replacements.length).toBeGreaterThan(0);
    let text = APP;
    for (const rep of [...replacements].sort((a, b) => b.deletedRegion.charOffset - a.deletedRegion.charOffset)) {
      text = text.slice(0, rep.deletedRegion.charOffset) + rep.insertedContent.text + text.slice(rep.deletedRegion.charOffset + rep.deletedRegion.charLength);
    }
    // A dry run previews review edits too: their fixes are what --write --unsafe writes.
    expect(run(['--write', '--unsafe'], dir).status).toBe(0);
    expect(text).toBe(readFileSync(join(dir, 'src/app.ts'), 'utf8'));
  }, SLOW);

  it('partialFingerprints are stable when lines move, and distinct per result', () => {
    const before = project({ 'src/app.ts': APP });
    const after = project({ 'src/app.ts': APP.replace("import { prisma } from './db';\n", "import { prisma } from './db';\n// a comment\n\n// moved down\n") });
    const prints = (dir: string) =>
      (JSON.parse(run(['--format', 'sarif'], dir).stdout) as SarifLog).runs[0]!.results.map((x) => ({
        fp: JSON.stringify(x.partialFingerprints),
        line: x.locations[0]!.physicalLocation.region.startLine,
      }));
    const a = prints(before);
    const b = prints(after);
    expect(b.map((x) => x.fp)).toEqual(a.map((x) => x.fp));
    expect(b.map((x) => x.line)).toEqual(a.map((x) => x.line + 3));
    expect(new Set(a.map((x) => x.fp)).size).toBe(a.length);
  }, SLOW);
});

describe('--format github', () => {
  it('escapes % CR LF in data, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('src/a:b,c%.ts\n')).toBe('src/a%3Ab%2Cc%25.ts%0A');
    const file: FileResult = {
      path: 'src/we,ird:name%.ts',
      absPath: '/x',
      status: 'unchanged',
      edits: [],
      findings: [{ rule: 'length-to-count', line: 3, column: 7, message: "can't count: distinct\nsecond line 50%" }],
      diff: '',
      parsed: true,
    };
    const result = { files: [file], totals: {} } as unknown as RunResult;
    expect(renderGithub(result)).toBe(
      "::warning file=src/we%2Cird%3Aname%25.ts,line=3,col=7,title=pushdown length-to-count (finding)::can't count: distinct%0Asecond line 50%25 (no rewrite offered: fix by hand)\n",
    );
  });

  it('one ::warning per edit and finding from the CLI, ::error for a file that does not parse', () => {
    const dir = project({ 'src/app.ts': APP, 'src/bad.ts': 'const = 1; x.findMany();\n' });
    const r = run(['--format', 'github'], dir);
    expect(r.status).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning file=src/app.ts,line='))).toHaveLength(4);
    expect(lines.filter((l) => /^::error file=src\/bad\.ts,line=1,col=\d+,title=pushdown could not process this file::/.test(l))).toHaveLength(1);
    expect(lines.every((l) => /^::(warning|error) /.test(l))).toBe(true);
  }, SLOW);
});

describe('--format markdown', () => {
  it('totals, a row per rule, every edit and finding, and the diff in a fence', () => {
    const dir = project({ 'src/app.ts': APP });
    const r = run(['--format', 'markdown'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## pushdown\n\n1 files scanned, 1 parsed, 1 to change; 3 edits, 1 findings\./);
    expect(r.stdout).toContain('| `length-to-count` | 2 | 0 | 1 |');
    expect(r.stdout).toMatch(/\| `src\/app\.ts:5:\d+` \| `length-to-count` \| finding \|/);
    expect(r.stdout).toContain('```diff\n--- a/src/app.ts\n');
  }, SLOW);
});

describe("the README's GitHub Actions workflow", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- ci-workflow -->\n```yaml\n([\s\S]*?)```\n<!-- \/ci-workflow -->/.exec(readme)?.[1] ?? '';
  const commands = [...block.matchAll(/^\s+run: (npx pushdown .*)$/gm)].map((m) => m[1]!);

  it('runs its pushdown commands as written (npx pushdown = this build) and gets what each step needs', () => {
    expect(commands).toEqual([
      'npx pushdown --check --format github',
      'npx pushdown --format markdown >> "$GITHUB_STEP_SUMMARY"',
      'npx pushdown --format sarif > pushdown.sarif',
      'npx pushdown --format html > pushdown.html',
    ]);
    const dir = project({ 'src/app.ts': APP });
    const bin = join(dir, '.bin');
    mkdirSync(bin);
    // `npx pushdown` in the user's project runs the installed package: here, this build.
    writeFileSync(join(bin, 'npx'), `#!/bin/sh\nshift\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    const summary = join(dir, 'summary.md');
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' };
    const status = commands.map((c) => spawnSync('bash', ['-c', c], { cwd: dir, env, encoding: 'utf8', timeout: SLOW }));
    expect(status.map((s) => s.status)).toEqual([1, 0, 0, 0]);
    expect(status[0]!.stdout).toMatch(/^::warning file=src\/app\.ts,line=4,/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## pushdown/);
    const sarif = JSON.parse(readFileSync(join(dir, 'pushdown.sarif'), 'utf8')) as SarifLog;
    expect(sarifValidator()(sarif)).toBe(true);
    expect(readFileSync(join(dir, 'pushdown.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(existsSync(join(dir, 'src/app.ts'))).toBe(true);
  }, SLOW);
});
