#!/usr/bin/env node
/**
 * `npm run bench:diff`: one large file (5-6 MB) with tens of thousands of one-line
 * rewrites and one client binding, through the whole CLI, all rules:
 *   1. `pushdown big.ts`: the dry run with its diffs, as a user types it (issue 11's
 *      target: under 10 s wall for 47,000 edits);
 *   2. `--format patch --jobs 1`, checked with `git apply` against what `--write` gives;
 *   3. `--write --jobs 1`.
 * The diff used to be quadratic here (jsdiff's edit-length search: 4k/8k/16k lines took
 * 4.9/12.7/50 s, 47,000 edits ran 14 minutes); it is now read from the engine's splices.
 * Fetching each load's NodePath, babel's reference bookkeeping and loop-query-to-in's
 * traversal were quadratic or per-node costly too (see RESULTS-speed.md). Prints wall and
 * CPU time and peak RSS (CPU time is the figure to compare on a shared machine) and the load
 * average. Nothing asserts on speed.
 *
 *   node bench/diff.mjs [--edits 47000] [--jsdiff 4000] [--only-dry-run] [--short]
 *
 * --jsdiff N also times jsdiff's whole-text diff on the first N edits, for comparison.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? dflt : Number(args[i + 1]);
};
const edits = opt('edits', 47000);
const jsdiffEdits = opt('jsdiff', 0);
const onlyDryRun = args.includes('--only-dry-run');
// --short: lines without the trailing comment, so 47,000 of them make 5.6 MB, nearer the 5 MB issue 11 names, instead of 6.2 MB.
const short = args.includes('--short');
const cli = path.join(root, 'dist/bin/pushdown.js');
if (!fs.existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

function source(n) {
  const lines = ["import { prisma } from './db';", '', 'export async function counts(): Promise<number[]> {', '  const out: number[] = [];'];
  for (let i = 0; i < n; i++) {
    lines.push(
      short
        ? `  const n${i} = (await prisma.user.findMany({ where: { id: { gt: ${i} }, active: true } })).length; out.push(n${i});`
        : `  const n${i} = (await prisma.user.findMany({ where: { id: { gt: ${i} }, active: true } })).length; out.push(n${i}); // row ${i}`,
    );
  }
  lines.push('  return out;', '}', '');
  return lines.join('\n');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pushdown-bench-diff-'));
const text = source(edits);
fs.writeFileSync(path.join(dir, 'big.ts'), text);
const git = (...a) => spawnSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@example.com', '-c', 'commit.gpgsign=false', ...a], { cwd: dir, encoding: 'utf8' });
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'init');

const timed = (argv, outFile) => {
  const fd = fs.openSync(outFile, 'w');
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, cli, ...argv], { cwd: dir, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  fs.closeSync(fd);
  const [rssKb, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { status: r.status, seconds, cpu: user + sys, rssMb: Math.round(rssKb / 1024), stderr: r.stderr };
};

console.log(`file: ${(text.length / 1e6).toFixed(1)} MB, ${text.split('\n').length} lines, ${edits} edits; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
const dry = timed(['big.ts'], path.join(dir, 'dry.out'));
const dryOut = fs.readFileSync(path.join(dir, 'dry.out'), 'utf8');
const shown = (dryOut.match(/^@@ /gm) ?? []).length;
const labelled = (dryOut.match(/^ {2}line \d+: /gm) ?? []).length;
console.log(`pushdown big.ts (dry run, all rules, diffs): ${dry.seconds.toFixed(1)} s wall, ${dry.cpu.toFixed(1)} s CPU, peak RSS ${dry.rssMb} MB, exit ${dry.status}, ${shown} hunks, ${labelled} edits labelled`);
if (onlyDryRun) {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}
const patchFile = path.join(dir, 'fix.patch');
const run = timed(['big.ts', '--format', 'patch', '--jobs', '1'], patchFile);
const patch = fs.readFileSync(patchFile, 'utf8');
const hunks = (patch.match(/^@@ /gm) ?? []).length;
console.log(`pushdown --format patch: ${run.seconds.toFixed(1)} s wall, ${run.cpu.toFixed(1)} s CPU, peak RSS ${run.rssMb} MB, exit ${run.status}, ${hunks} hunks, ${(patch.length / 1e6).toFixed(1)} MB patch`);

const apply = git('apply', 'fix.patch');
const applied = fs.readFileSync(path.join(dir, 'big.ts'), 'utf8');
git('checkout', '--', 'big.ts');
const write = timed(['big.ts', '--write', '--jobs', '1', '--quiet'], path.join(dir, 'write.out'));
const written = fs.readFileSync(path.join(dir, 'big.ts'), 'utf8');
console.log(`pushdown --write: ${write.seconds.toFixed(1)} s wall, ${write.cpu.toFixed(1)} s CPU, peak RSS ${write.rssMb} MB, exit ${write.status}`);
console.log(`git apply: ${apply.status === 0 ? 'ok' : `failed: ${apply.stderr}`}; patch result ${applied === written ? 'equals' : 'DIFFERS FROM'} the --write result`);

// The diff step alone, in this process: the engine's splices in, the patch out.
{
  const { transformSource } = await import(path.join(root, 'dist/lib/engine.js'));
  const { unifiedDiff } = await import(path.join(root, 'dist/lib/runner/diff.js'));
  const { rules } = await import(path.join(root, 'dist/transforms/index.js'));
  const { defaultRuleOptions } = await import(path.join(root, 'dist/lib/rule.js'));
  let t = performance.now();
  const result = transformSource(text, 'big.ts', { rules, ruleOptions: defaultRuleOptions, applyTiers: new Set(['safe']) });
  const engineSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const diff = unifiedDiff('big.ts', text, result.output, result.batches);
  console.log(`in-process: engine (parse, scope crawl, all rules, re-parse) ${engineSeconds.toFixed(1)} s; diff from the splices ${((performance.now() - t) / 1000).toFixed(2)} s (${(diff.length / 1e6).toFixed(1)} MB)`);
}

if (jsdiffEdits > 0) {
  const { structuredPatch } = await import('diff');
  const small = source(jsdiffEdits);
  const after = small.replace(/\(await prisma\.user\.findMany\((\{.*?\})\)\)\.length/g, 'await prisma.user.count($1)');
  const t = performance.now();
  structuredPatch('a', 'b', small, after, '', '', { context: 3 });
  console.log(`for comparison, jsdiff on the whole text with ${jsdiffEdits} edits: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
fs.rmSync(dir, { recursive: true, force: true });
