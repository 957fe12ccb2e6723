/**
 * Findings a CI can trust, through the runner API: stable ids, suppression
 * comments (and unused ones), test files, hints, model sizes, and a baseline
 * whose fingerprints survive moved lines and reformatting.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPushdown } from '../lib/runner/index.js';
import type { FileResult, RunOptions } from '../lib/types.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pushdown-findings-'));
  roots.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

const options = (cwd: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  paths: ['.'],
  cwd,
  mode: 'check',
  unsafe: false,
  ignore: [],
  extensions: ['ts'],
  force: false,
  jobs: 1,
  ...extra,
});

/** A whole-table load declined with a finding (rows used besides the loop). */
const LOOPED = `import { prisma } from './db';
export async function all() {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const u of users) await send(u);
  return users.length;
}
declare function send(u: unknown): Promise<void>;
`;

/** A rewrite (safe) and nothing else. */
const COUNTED = `import { prisma } from './db';
export async function n() {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}
`;

const findingsOf = (files: FileResult[]) => files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.rule}/${x.messageId}`));

describe('finding records', () => {
  it('carry a messageId, a message and a separate suggestion, a severity and a fingerprint', async () => {
    const cwd = tree({ 'src/a.ts': LOOPED });
    const r = await runPushdown(options(cwd));
    expect(r.files[0]!.findings).toEqual([
      {
        rule: 'loop-to-batches',
        messageId: 'rows-used-besides-loop',
        severity: 'error',
        line: 3,
        column: 23,
        message: 'the rows are all loaded at once only to be looped over, but `users` is also used besides the loop.',
        suggestion: 'batch by hand if the other uses can do without every row at once.',
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
  });
});

describe('test files', () => {
  const files = {
    'src/a.ts': LOOPED,
    'src/a.spec.ts': LOOPED,
    'src/b.test.ts': LOOPED,
    'src/__tests__/c.ts': LOOPED,
    'e2e/d.ts': LOOPED,
    'apps/web/playwright/e.ts': LOOPED,
    'test/f.ts': LOOPED,
    'packages/x/tests/g.ts': LOOPED,
    'src/count.spec.ts': COUNTED,
  };

  it('withholds findings in test files by default, and counts them; rewrites there still happen', async () => {
    const cwd = tree(files);
    const r = await runPushdown(options(cwd));
    expect(findingsOf(r.files)).toEqual(['src/a.ts:3 loop-to-batches/rows-used-besides-loop']);
    expect(r.totals.withheld.inTestFiles).toBe(7);
    expect(r.totals.findings).toBe(1);
    const spec = r.files.find((f) => f.path === 'src/count.spec.ts')!;
    expect(spec.testFile).toBe(true);
    expect(spec.status).toBe('changed');
    expect(spec.edits.map((e) => e.rule)).toEqual(['length-to-count']);
  });

  it('reports them with includeTests, and takes other globs', async () => {
    const cwd = tree(files);
    expect((await runPushdown(options(cwd, { includeTests: true }))).totals.findings).toBe(8);
    const r = await runPushdown(options(cwd, { testFiles: ['e2e/**'] }));
    expect(r.totals.findings).toBe(7);
    expect(r.totals.withheld.inTestFiles).toBe(1);
  });
});

describe('hints and model sizes', () => {
  const SCOPED = `import { prisma } from './db';
export async function posts(authorId: number) {
  const rows = await prisma.post.findMany({ where: { authorId } });
  for (const p of rows) await send(p);
  return rows.length;
}
declare function send(u: unknown): Promise<void>;
`;

  it('a load scoped to one parent is a hint: withheld unless asked for', async () => {
    const cwd = tree({ 'src/a.ts': SCOPED });
    const quiet = await runPushdown(options(cwd));
    expect(quiet.totals.findings).toBe(0);
    expect(quiet.totals.withheld.hints).toBe(1);
    const loud = await runPushdown(options(cwd, { hints: true }));
    expect(loud.files[0]!.findings.map((f) => [f.severity, f.messageId])).toEqual([['hint', 'rows-used-besides-loop']]);
  });

  it('a model named large makes it an error; one named small, nothing', async () => {
    const cwd = tree({ 'src/a.ts': SCOPED });
    const large = await runPushdown(options(cwd, { models: { large: ['Post'] } }));
    expect(large.files[0]!.findings.map((f) => f.severity)).toEqual(['error']);
    const small = await runPushdown(options(cwd, { models: { small: ['posts'] }, hints: true }));
    expect(small.totals.findings).toBe(0);
  });
});

describe('suppression comments', () => {
  it('silence the next statement for the rules named (findings and edits), and are counted', async () => {
    const cwd = tree({
      'src/a.ts': LOOPED.replace('  const users', '  // pushdown-ignore-next-line loop-to-batches -- a cron job over a small table\n  const users'),
      'src/b.ts': COUNTED.replace('  return', '  // pushdown-ignore-next-line -- counted on purpose\n  return'),
      'src/c.ts': `/* pushdown-ignore-file length-to-count */\n${COUNTED}`,
    });
    const r = await runPushdown(options(cwd));
    expect(findingsOf(r.files)).toEqual([]);
    expect(r.files.every((f) => f.edits.length === 0 && f.status !== 'changed')).toBe(true);
    expect(r.totals.withheld.suppressed).toBe(3);
  });

  it('a comment for another rule silences nothing and is reported as unused', async () => {
    const cwd = tree({ 'src/a.ts': LOOPED.replace('  const users', '  // pushdown-ignore-next-line length-to-count\n  const users') });
    const r = await runPushdown(options(cwd));
    expect(findingsOf(r.files)).toEqual(['src/a.ts:3 pushdown-ignore/unused-suppression', 'src/a.ts:4 loop-to-batches/rows-used-besides-loop']);
    expect(r.files[0]!.findings[0]!.suggestion).toBe('remove the comment.');
  });

  it('a comment that no longer has anything to silence is reported; one naming an unknown rule too', async () => {
    const cwd = tree({
      'src/a.ts': `/* pushdown-ignore-file */\nimport { prisma } from './db';\nexport const first = async () => (await prisma.user.findMany({ take: 10 })).map((u) => u);\n`,
      'src/b.ts': `// pushdown-ignore-next-line no-such-rule\n${COUNTED}`,
    });
    const r = await runPushdown(options(cwd));
    expect(findingsOf(r.files)).toEqual(['src/a.ts:1 pushdown-ignore/unused-suppression', 'src/b.ts:1 pushdown-ignore/unknown-rule']);
  });

  it('with only some rules run, a comment for a rule that did not run is not called unused', async () => {
    const cwd = tree({ 'src/a.ts': `// pushdown-ignore-next-line loop-to-batches\n${COUNTED}` });
    const r = await runPushdown(options(cwd, { transforms: ['length-to-count'] }));
    expect(findingsOf(r.files)).toEqual([]);
  });
});

describe('baseline', () => {
  it('written with updateBaseline, it makes the same findings known; only new ones are reported', async () => {
    const cwd = tree({ 'src/a.ts': LOOPED, 'src/b.ts': LOOPED.replace(/users/g, 'people') });
    const first = await runPushdown(options(cwd, { baseline: 'pushdown-baseline.json', updateBaseline: true }));
    expect(first.baselineWritten).toBe(2);
    expect(first.totals.findings).toBe(0);
    const file = JSON.parse(readFileSync(join(cwd, 'pushdown-baseline.json'), 'utf8'));
    expect(file.version).toBe(1);
    expect(file.findings.map((e: { path: string; rule: string; count: number }) => [e.path, e.rule, e.count])).toEqual([
      ['src/a.ts', 'loop-to-batches', 1],
      ['src/b.ts', 'loop-to-batches', 1],
    ]);

    const again = await runPushdown(options(cwd, { baseline: 'pushdown-baseline.json' }));
    expect(again.totals.findings).toBe(0);
    expect(again.totals.withheld.baselined).toBe(2);

    // Moved down, reformatted (other whitespace, quotes, trailing commas): still known.
    const reformatted = `import { prisma } from './db';\n\n// a comment that moves every line\n\nexport async function all() {\n  const users = await prisma.user.findMany({\n    where: {\n      active: true,\n    },\n  });\n  for (const u of users) await send(u);\n  return users.length;\n}\ndeclare function send(u: unknown): Promise<void>;\n`;
    write(cwd, { 'src/a.ts': reformatted });
    const moved = await runPushdown(options(cwd, { baseline: 'pushdown-baseline.json' }));
    expect(moved.totals.findings).toBe(0);

    // A second copy of the same load (the baseline knows one), and a changed one: both new.
    write(cwd, {
      'src/a.ts': reformatted + LOOPED.replace('export async function all', 'export async function more').replace("import { prisma } from './db';\n", ''),
      'src/b.ts': LOOPED.replace(/users/g, 'people').replace('active: true', 'active: false'),
    });
    const grown = await runPushdown(options(cwd, { baseline: 'pushdown-baseline.json' }));
    expect(findingsOf(grown.files)).toEqual(['src/a.ts:16 loop-to-batches/rows-used-besides-loop', 'src/b.ts:3 loop-to-batches/rows-used-besides-loop']);
    expect(grown.totals.withheld.baselined).toBe(1);
  });

  it('paths are relative to the baseline file, so it works from another cwd; updating a subfolder keeps the rest', async () => {
    const cwd = tree({ 'app/src/a.ts': LOOPED, 'app/lib/b.ts': LOOPED });
    await runPushdown(options(cwd, { baseline: 'app/.pushdown-baseline.json', updateBaseline: true }));
    const fromApp = await runPushdown(options(join(cwd, 'app'), { baseline: '.pushdown-baseline.json' }));
    expect(fromApp.totals.findings).toBe(0);
    expect(fromApp.totals.withheld.baselined).toBe(2);

    write(cwd, { 'app/src/a.ts': `${LOOPED}\n// touched\n` });
    await runPushdown(options(join(cwd, 'app'), { paths: ['src'], baseline: '.pushdown-baseline.json', updateBaseline: true }));
    const file = JSON.parse(readFileSync(join(cwd, 'app', '.pushdown-baseline.json'), 'utf8'));
    expect(file.findings.map((e: { path: string }) => e.path)).toEqual(['lib/b.ts', 'src/a.ts']);
  });

  it('a baseline that is not one is a usage error naming the file', async () => {
    const cwd = tree({ 'src/a.ts': LOOPED, 'bad.json': '{"findings": 3}' });
    await expect(runPushdown(options(cwd, { baseline: 'bad.json' }))).rejects.toThrow(/bad\.json is not a pushdown baseline/);
  });
});

describe("pushdown's own output", () => {
  /** New-file line numbers of the `+` lines of a unified diff: the code pushdown wrote. */
  function writtenLines(diff: string): Set<number> {
    const out = new Set<number>();
    let line = 0;
    for (const l of diff.split('\n')) {
      const h = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
      if (h) {
        line = Number(h[1]);
        continue;
      }
      if (l.startsWith('+++') || l.startsWith('---')) continue;
      if (l.startsWith('+')) out.add(line++);
      else if (l.startsWith(' ')) line++;
    }
    return out;
  }

  const schema = join(import.meta.dirname, '..', 'test', 'prisma', 'schema.prisma');
  const fixtures = join(import.meta.dirname, '..', '__testfixtures__');

  function copyTree(from: string, filter: (rel: string) => boolean): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (dir: string, rel: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && e.name !== 'generated') walk(join(dir, e.name), r);
        } else if (filter(r)) out[r] = readFileSync(join(dir, e.name), 'utf8');
      }
    };
    walk(from, '');
    return out;
  }

  const trees: [string, () => { files: Record<string, string>; schema?: string }][] = [
    ['every fixture input', () => ({ files: copyTree(fixtures, (r) => /\.input\.[a-z]+$/.test(r)), schema })],
    ...readdirSync(join(import.meta.dirname, '..', 'examples'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e): [string, () => { files: Record<string, string> }] => [
        `examples/${e.name}`,
        () => ({ files: copyTree(join(import.meta.dirname, '..', 'examples', e.name), (r) => !r.endsWith('.db')) }),
      ]),
  ];

  for (const [name, make] of trees) {
    it(`after --write --unsafe on ${name}, --check reports no finding at a line pushdown wrote`, async () => {
      const { files, schema: schemaPath } = make();
      const cwd = tree(files);
      const base = { ...(schemaPath ? { schema: schemaPath } : {}), extensions: ['ts', 'tsx', 'js', 'mjs'], includeTests: true, hints: true };
      const written = await runPushdown(options(cwd, { ...base, mode: 'write', unsafe: true, force: true }));
      expect(written.totals.filesWritten, 'something was written').toBeGreaterThan(0);
      const wrote = new Map(written.files.filter((f) => f.written).map((f) => [f.path, writtenLines(f.diff)]));
      const known = new Set(written.files.flatMap((f) => f.findings.map((x) => `${f.path}|${x.fingerprint}`)));
      const check = await runPushdown(options(cwd, base));
      // A finding the first run did not have, on a line it wrote, is about pushdown's own output.
      const onOutput = check.files.flatMap((f) =>
        f.findings
          .filter((x) => wrote.get(f.path)?.has(x.line) && !known.has(`${f.path}|${x.fingerprint}`))
          .map((x) => `${f.path}:${x.line} ${x.rule}: ${x.message}`),
      );
      expect(onOutput).toEqual([]);
      // And the second run rewrites nothing it wrote.
      expect(check.files.filter((f) => f.edits.some((e) => wrote.get(f.path)?.has(e.line))).map((f) => f.path)).toEqual([]);
    }, 120_000);
  }
});
