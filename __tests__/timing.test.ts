/**
 * --timing (lib/runner/timing.ts): where a run's time went, by stage. Asserts which stages are
 * measured and that measuring changes no record; never how long anything took.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPushdown } from '../lib/runner/index.js';
import { timingTable } from '../lib/runner/timing.js';
import type { RunResult } from '../lib/types.js';
import { runOptions, tempTrees } from './helpers/trees.js';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'bin', 'pushdown.js');
const { tree } = tempTrees('pushdown-timing-');

const PKG = '{"dependencies":{"@prisma/client":"7.0.0"}}';
/** length-to-count rewrites the first load; map-to-select then reads the re-parsed tree and narrows the second. */
const TWO_RULES = `import { prisma } from './db';
export async function n() {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}
export async function emails() {
  return (await prisma.user.findMany()).map((u) => u.email);
}
`;
const UNTOUCHED = `import { prisma } from './db';
export async function all() {
  return prisma.user.findMany();
}
`;

/** The records a reporter sees, without the clock. */
function records(result: RunResult): unknown {
  const { timing: _timing, totals, ...rest } = result;
  return { ...rest, totals: { ...totals, elapsedMs: 0 } };
}

function expectStages(timing: Record<string, number> | undefined, stages: string[]): void {
  expect(timing).toBeDefined();
  for (const stage of stages) expect(timing, stage).toHaveProperty(stage);
  for (const [stage, ms] of Object.entries(timing ?? {})) {
    expect(Number.isFinite(ms), stage).toBe(true);
    expect(ms, stage).toBeGreaterThanOrEqual(0);
  }
}

describe('--timing', () => {
  it('measures each stage of an in-process run, and changes no record', async () => {
    const cwd = tree({ 'package.json': PKG, 'src/n.ts': TWO_RULES, 'src/all.ts': UNTOUCHED, 'src/plain.ts': 'export const x = 1;\n' });
    const plain = await runPushdown(runOptions(cwd));
    expect(plain.timing).toBeUndefined();
    const timed = await runPushdown(runOptions(cwd, { timing: true }));
    expect(records(timed)).toEqual(records(plain));
    expect(timed.files.find((f) => f.path === 'src/n.ts')?.edits.map((e) => e.rule)).toEqual(['length-to-count', 'map-to-select']);
    expectStages(timed.timing, ['discover', 'read', 'project', 'prefilter', 'parse', 'crawl', 'rule:length-to-count', 'rule:map-to-select', 'reparse', 'release', 'diff', 'analysis', 'total']);
    // Only the CLI knows when the process started; no cache was asked for.
    expect(timed.timing).not.toHaveProperty('start');
    expect(timed.timing).not.toHaveProperty('cache');
  });

  it('adds up the stages of worker threads', async () => {
    const files: Record<string, string> = { 'package.json': PKG };
    for (let i = 0; i < 12; i++) files[`src/f${i}.ts`] = TWO_RULES;
    const cwd = tree(files);
    // Workers run the compiled worker file: the built runner (npm test builds first).
    const built = (await import(join(ROOT, 'dist', 'lib', 'runner', 'index.js'))) as { runPushdown: typeof runPushdown };
    const single = await built.runPushdown(runOptions(cwd, { timing: true }));
    const pooled = await built.runPushdown(runOptions(cwd, { jobs: 2, timing: true }));
    expect(pooled.workers).toBe(2);
    expect(records(pooled)).toEqual({ ...(records(single) as object), workers: 2 });
    // The file stages happen only in the workers: they reach the run's totals through the pool.
    expectStages(pooled.timing, ['parse', 'crawl', 'rule:length-to-count', 'rule:map-to-select', 'reparse', 'diff', 'analysis', 'total']);
  }, 60_000);

  it('takes the stages of a file of 1 MiB or more from the worker of its own it gets', async () => {
    // One load, then a comment long enough to make the file large (cheap to parse).
    const big = `${TWO_RULES}/*${' filler'.repeat(160_000)} */\n`;
    const cwd = tree({ 'package.json': PKG, 'src/big.ts': big });
    const built = (await import(join(ROOT, 'dist', 'lib', 'runner', 'index.js'))) as { runPushdown: typeof runPushdown };
    const timed = await built.runPushdown(runOptions(cwd, { timing: true }));
    expect(timed.workers).toBe(1);
    expect(timed.totals.filesChanged).toBe(1);
    expectStages(timed.timing, ['parse', 'crawl', 'rule:length-to-count', 'rule:map-to-select', 'reparse', 'diff', 'analysis', 'total']);
  }, 60_000);

  it('leaves the cache key alone: a timed run is answered from the cache a plain run filled', async () => {
    const cwd = tree({ 'package.json': PKG, 'src/n.ts': TWO_RULES, 'src/all.ts': UNTOUCHED });
    const cache = join(cwd, 'cache.json');
    await runPushdown(runOptions(cwd, { cache }));
    const timed = await runPushdown(runOptions(cwd, { cache, timing: true }));
    expect(timed.filesFromCache).toBe(2);
    expectStages(timed.timing, ['discover', 'read', 'cache', 'total']);
    expect(timed.timing).not.toHaveProperty('parse');
    expect(timed.timing).not.toHaveProperty('analysis');
  });

  it('prints the table on stderr after the report, and puts the stages in the JSON report', () => {
    const cwd = tree({ 'package.json': PKG, 'src/n.ts': TWO_RULES });
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
    const plain = run(['--format', 'json', '--jobs', '1']);
    const timed = run(['--format', 'json', '--jobs', '1', '--timing']);
    expect(timed.status).toBe(plain.status);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('timing');
    expect(plain.stderr).not.toContain('where the time went');
    const report = JSON.parse(timed.stdout) as { timing?: Record<string, number>; files: unknown };
    expect(report.files).toEqual((JSON.parse(plain.stdout) as { files: unknown }).files);
    expectStages(report.timing, ['start', 'discover', 'parse', 'crawl', 'rule:length-to-count', 'total']);
    expect(report.timing?.start).toBeGreaterThan(0);
    const table = timed.stderr.slice(timed.stderr.indexOf('pushdown: where the time went'));
    expect(table.split('\n').map((l) => l.trim().replace(/\s+[\d.]+ ms.*$/, ''))).toEqual(
      expect.arrayContaining(['node start, loading pushdown', 'parse', 'scope crawl', 'rule length-to-count', 'formatting the report', 'total, wall', 'process, wall (start + total + format)']),
    );
  });

  it('lists stages in pipeline order, rules in the order given, and gives no shares when threads add up', () => {
    const timings = { total: 100, 'rule:b': 2, parse: 40, 'rule:a': 3, discover: 10, mystery: 1, crawl: 30, analysis: 80 };
    const lines = timingTable(timings, ['a', 'b'], 0).trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['discovery (walk, .gitignore)', 'parse', 'scope crawl', 'rule a', 'rule b', 'mystery', 'analysis, wall', 'total, wall']);
    expect(lines[2]).toMatch(/40\.0 ms\s+40\.0%$/);
    const pooled = timingTable(timings, ['a', 'b'], 2);
    expect(pooled.split('\n')[0]).toContain('summed over 2 worker thread(s)');
    expect(pooled).not.toContain('%');
  });
});
