#!/usr/bin/env node
/**
 * `npm run bench`: pushdown vs the jscodeshift CLI, on the same synthetic corpus.
 *
 *   node bench/run.mjs [--repeat 3] [--files 4000] [--seed pushdown] [--regen] [--build]
 *                      [--quick] [--skip-jscodeshift] [--profile] [--no-results]
 *
 * 1. builds (npm run build) when dist/bin/pushdown.js or dist/transforms/length-to-count.js
 *    is missing (or always, with --build);
 * 2. generates bench/.corpus (bench/generate-corpus.mjs) when it is missing or was
 *    made with other options / another generator version (or always, with --regen);
 * 3. times, interleaved round by round so machine noise hits every variant alike:
 *    - pushdown, full dry run, all rules, JSON output, default worker count;
 *    - the same with --jobs 1 (in-process), to show whether worker threads pay off;
 *    - the jscodeshift CLI running dist/transforms/length-to-count.js alone on every
 *      extension pushdown scans (the transform parses by extension itself, so `--parser`
 *      does not matter and one invocation is right for .ts, .tsx and .js alike);
 *    - once, for reference, the same with `--extensions ts,tsx` (no .js files);
 *    and prints median wall time, CPU time (user+sys of the process tree) and the ratio
 *    jscodeshift / pushdown. Nothing here asserts on speed;
 * 4. cross-checks pushdown's JSON against the corpus manifest: files that should have
 *    been skipped, parse errors, planted look-alikes that got a safe edit, edits outside
 *    any planted snippet, outputs that do not parse, a second run that still changes
 *    something, and whether --jobs 1 and the default give the same report;
 * 5. writes bench/RESULTS-speed.md (unless --no-results). With --profile it also runs
 *    bench/profile.mjs (node --cpu-prof on pushdown --jobs 1) and appends its summary.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { generate, GENERATOR_VERSION, parseArgs as parseGenArgs } from './generate-corpus.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const WORK = path.join(HERE, '.work');
const CORPUS = path.join(HERE, '.corpus');
const CORPUS_REL = path.relative(ROOT, CORPUS); // bench/.corpus
const DIST = path.join(ROOT, 'dist');
/** The bench runs a copy of dist taken at its start, so a rebuild mid-run cannot mix versions. */
const SNAPSHOT = path.join(WORK, 'dist-snapshot');
const PUSHDOWN = path.join(SNAPSHOT, 'bin/pushdown.js');
const TRANSFORM = path.join(SNAPSHOT, 'transforms/length-to-count.js');
const JSCODESHIFT = path.join(ROOT, 'node_modules/jscodeshift/bin/jscodeshift.js');
const require = createRequire(path.join(ROOT, 'package.json'));

// ---------------------------------------------------------------- args

function parseArgs(argv) {
  const o = { repeat: 3, files: 4000, seed: 'pushdown', regen: false, build: false, jscodeshift: true, profile: false, results: true, check: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--repeat') o.repeat = Number(next());
    else if (a === '--files') o.files = Number(next());
    else if (a === '--seed') o.seed = next();
    else if (a === '--regen') o.regen = true;
    else if (a === '--build') o.build = true;
    else if (a === '--quick') o.repeat = 1;
    else if (a === '--skip-jscodeshift') o.jscodeshift = false;
    else if (a === '--profile') o.profile = true;
    else if (a === '--no-results') o.results = false;
    else if (a === '--no-check') o.check = false;
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (!(Number.isInteger(o.repeat) && o.repeat >= 1)) throw new Error('--repeat must be a positive integer');
  return o;
}

// ---------------------------------------------------------------- helpers

const log = (...a) => console.log(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms) => (ms / 1000).toFixed(2) + 's';

function parseTimes(out) {
  // bash `times`: line 1 = the shell, line 2 = its children (user sys), e.g. "0m42.340s 0m4.924s"
  const lines = out.trim().split('\n');
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
  if (!m) return { user: NaN, sys: NaN };
  return { user: (Number(m[1]) * 60 + Number(m[2])) * 1000, sys: (Number(m[3]) * 60 + Number(m[4])) * 1000 };
}

/**
 * Runs argv under bash so `times` can report the CPU time of the whole process tree
 * (worker threads and jscodeshift's child processes included). stdout/stderr go to files.
 */
function timed(label, argv, { cwd = ROOT } = {}) {
  fs.mkdirSync(WORK, { recursive: true });
  const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const outFile = path.join(WORK, `${slug}.stdout`);
  const errFile = path.join(WORK, `${slug}.stderr`);
  const script = 'out=$1; err=$2; shift 2; "$@" >"$out" 2>"$err"; rc=$?; times; exit $rc';
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script, 'bash', outFile, errFile, ...argv], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let times = '';
    child.stdout.on('data', (d) => (times += d));
    child.on('error', reject);
    child.on('close', (rc) => {
      const wall = performance.now() - t0;
      const cpu = parseTimes(times);
      resolve({
        label,
        rc,
        wall,
        cpu: cpu.user + cpu.sys,
        user: cpu.user,
        sys: cpu.sys,
        stdout: fs.readFileSync(outFile, 'utf8'),
        stderr: fs.readFileSync(errFile, 'utf8'),
      });
    });
  });
}

function machine() {
  let cpuModel = 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpuModel = m[1].trim();
  } catch {}
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || nproc;
  } catch {}
  return {
    nproc,
    cpuModel,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    date: new Date().toISOString(),
  };
}

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

// ---------------------------------------------------------------- setup

function ensureBuild(force) {
  const need = ['bin/pushdown.js', 'transforms/length-to-count.js'].map((f) => path.join(DIST, f));
  let built = false;
  if (force || !need.every((f) => fs.existsSync(f))) {
    log(`building (npm run build)${force ? '' : ': dist is missing'}...`);
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run build failed');
    for (const f of need) if (!fs.existsSync(f)) throw new Error(`${path.relative(ROOT, f)} is still missing after the build`);
    built = true;
  }
  fs.rmSync(SNAPSHOT, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  fs.cpSync(DIST, SNAPSHOT, { recursive: true });
  return built;
}

function buildInfo() {
  const git = (...a) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = git('status', '--porcelain', '--', 'bin', 'lib', 'transforms').split('\n').filter(Boolean).length;
  const list = spawnSync('node', [PUSHDOWN, '--list'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const rules = list.split('\n').map((l) => l.trim().split(/\s+/)[0]).filter(Boolean);
  const newest = (dir) => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) t = Math.max(t, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
    return t;
  };
  const stale = ['bin', 'lib', 'transforms'].some((d) => fs.existsSync(path.join(ROOT, d)) && newest(path.join(ROOT, d)) > newest(DIST));
  return { commit: git('rev-parse', '--short', 'HEAD'), dirty, rules, stale };
}

function ensureCorpus(o) {
  const manifestFile = path.join(CORPUS, '.bench-manifest.json');
  let m;
  try {
    m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {}
  const want = parseGenArgs(['--files', String(o.files), '--seed', o.seed, '--out', CORPUS]);
  const fresh =
    m &&
    m.version === GENERATOR_VERSION &&
    m.options.files === want.files &&
    m.options.seed === want.seed &&
    m.options.prismaRate === want.prismaRate;
  if (fresh && !o.regen) return m;
  log(`generating the corpus (${want.files} files, seed ${JSON.stringify(want.seed)}) in ${CORPUS_REL}...`);
  return generate(want);
}

/**
 * pushdown applies the .gitignore files of the enclosing repository to the folder it
 * is given, and this repository's .gitignore lists bench/.corpus/, so
 * `pushdown bench/.corpus` finds no files. When that happens, hand pushdown the same
 * folder through a symlink outside the repository (same files, same bytes).
 */
async function pushdownTarget() {
  // A cheap probe on a one-file folder of the corpus (src/lib/prisma.ts).
  const probe = await timed('probe pushdown', ['node', PUSHDOWN, `${CORPUS_REL}/src/lib`, '--format', 'json', '--jobs', '1']);
  if (!(probe.rc === 2 && /no source files/.test(probe.stderr))) return { path: CORPUS_REL, viaSymlink: false };
  const link = path.join(os.tmpdir(), 'pushdown-bench-corpus');
  fs.rmSync(link, { force: true, recursive: false });
  fs.symlinkSync(CORPUS, link, 'dir');
  return { path: link, viaSymlink: true, why: probe.stderr.trim().split('\n')[0].replace(`${CORPUS_REL}/src/lib`, CORPUS_REL) };
}

// ---------------------------------------------------------------- variants

function pushdownArgs(target, extra = []) {
  return ['node', PUSHDOWN, target, '--format', 'json', ...extra];
}

/** pushdown's default extensions. */
const ALL_EXTENSIONS = 'ts,tsx,mts,cts,js,jsx,mjs,cjs';

function jscodeshiftArgs(parser, extensions) {
  return [
    'node',
    JSCODESHIFT,
    '--no-babel',
    '-t',
    path.relative(ROOT, TRANSFORM),
    '--parser',
    parser,
    '--extensions',
    extensions,
    '--dry',
    '--ignore-pattern',
    '**/node_modules/**',
    '--ignore-config',
    `${CORPUS_REL}/.gitignore`,
    '--ignore-config',
    `${CORPUS_REL}/src/legacy/.gitignore`,
    CORPUS_REL,
  ];
}

/** jscodeshift's own summary (printed unless --silent). */
function jscodeshiftStats(stdout) {
  const num = (re) => Number((re.exec(stdout) ?? [])[1] ?? NaN);
  return {
    files: num(/Processing (\d+) files/),
    errors: num(/(\d+) errors/),
    unmodified: num(/(\d+) unmodified/),
    skipped: num(/(\d+) skipped/),
    ok: num(/(\d+) ok/),
    workers: num(/Spawning (\d+) workers/),
  };
}

// ---------------------------------------------------------------- cross-check

function babelParse(text, rel) {
  const { parse } = require('@babel/parser');
  const ext = rel.slice(rel.lastIndexOf('.') + 1);
  const common = ['classProperties', 'classPrivateProperties', 'classPrivateMethods', 'explicitResourceManagement', 'decoratorAutoAccessors'];
  const plugins =
    ext === 'tsx'
      ? [...common, 'typescript', 'jsx', 'decorators-legacy']
      : ext === 'ts' || ext === 'mts' || ext === 'cts'
        ? [...common, 'typescript', 'decorators-legacy']
        : [...common, 'jsx'];
  parse(text, { sourceType: ext === 'cjs' ? 'script' : ext === 'js' ? 'unambiguous' : 'module', plugins, errorRecovery: false });
}

async function crossCheck(report, manifest, target, jobs1Report) {
  const toCorpus = (p) => path.relative(path.resolve(ROOT, target), path.resolve(ROOT, p)).split(path.sep).join('/');
  const files = new Map(report.files.map((f) => [toCorpus(f.path), f]));
  const ignored = new Set(manifest.ignored);
  const out = {
    scanned: report.totals.filesScanned,
    expectedScanned: manifest.counts.sourceFiles,
    ignoredReported: [],
    failed: [],
    byKind: {},
    lookalikeSafe: [],
    lookalikeReview: [],
    reviewSnippetSafe: [],
    unplanned: [],
    afterParseErrors: [],
    secondRun: null,
    jobsIdentical: null,
  };
  for (const [rel, f] of files) {
    if (ignored.has(rel)) out.ignoredReported.push(rel);
    if (f.status === 'parse-error' || f.status === 'error') out.failed.push(`${rel}: ${f.status}: ${f.error?.message ?? ''}${f.error?.line ? ` (${f.error.line}:${f.error.column})` : ''}`);
  }
  for (const [rel, meta] of Object.entries(manifest.files)) {
    const f = files.get(rel);
    const edits = f?.edits ?? [];
    const findings = f?.findings ?? [];
    const claimed = new Set();
    for (const s of meta.snippets) {
      const inS = (x) => (x.line >= s.start && x.line <= s.end) || x.line === s.use;
      const se = edits.filter(inS);
      const sf = findings.filter(inS);
      se.forEach((x) => claimed.add(x));
      sf.forEach((x) => claimed.add(x));
      const outcome = se.some((x) => x.tier === 'safe') ? 'safe' : se.some((x) => x.tier === 'review') ? 'review' : sf.length ? 'finding' : 'none';
      const k = (out.byKind[s.kind] ??= { expect: s.expect, rule: s.rule ?? '', n: 0, safe: 0, review: 0, finding: 0, none: 0, rules: new Set() });
      k.n++;
      k[outcome]++;
      for (const x of [...se, ...sf]) k.rules.add(x.rule);
      const where = `${rel}:${s.start}`;
      const first = se[0] ?? sf[0];
      if (s.expect === 'no-rewrite' && outcome === 'safe') out.lookalikeSafe.push(`${where} [${s.kind}] ${first.rule}: ${first.message}`);
      if (s.expect === 'no-rewrite' && outcome === 'review') out.lookalikeReview.push(`${where} [${s.kind}] ${first.rule}: ${first.message}`);
      if (s.expect === 'review' && outcome === 'safe') out.reviewSnippetSafe.push(`${where} [${s.kind}] ${first.rule}: ${first.message}`);
    }
    for (const x of [...edits, ...findings]) {
      if (!claimed.has(x)) out.unplanned.push(`${rel}:${x.line}:${x.column} ${x.rule}${x.tier ? ` (${x.tier})` : ' (finding)'}: ${x.message}`);
    }
  }

  // Outputs must parse, and a second run over them must change nothing.
  const changed = [...files].filter(([, f]) => f.status === 'changed' && f.diff);
  if (changed.length) {
    const { applyPatch } = await import('diff');
    const afterDir = path.join(os.tmpdir(), 'pushdown-bench-after');
    fs.rmSync(afterDir, { recursive: true, force: true });
    for (const extra of ['prisma/schema.prisma', 'package.json', 'tsconfig.json']) {
      fs.mkdirSync(path.dirname(path.join(afterDir, extra)), { recursive: true });
      fs.copyFileSync(path.join(CORPUS, extra), path.join(afterDir, extra));
    }
    for (const [rel, f] of changed) {
      const before = fs.readFileSync(path.join(CORPUS, rel), 'latin1');
      const after = applyPatch(before, f.diff);
      if (after === false) {
        out.afterParseErrors.push(`${rel}: the reported diff does not apply to the file`);
        continue;
      }
      try {
        babelParse(after, rel);
      } catch (err) {
        out.afterParseErrors.push(`${rel}: output does not parse: ${err.message}`);
      }
      fs.mkdirSync(path.dirname(path.join(afterDir, rel)), { recursive: true });
      fs.writeFileSync(path.join(afterDir, rel), after, 'latin1');
    }
    const again = await timed('pushdown second run', pushdownArgs(afterDir, ['--jobs', '1']));
    try {
      const r2 = JSON.parse(again.stdout);
      const still = r2.files.filter((f) => f.status === 'changed').map((f) => path.relative(afterDir, path.resolve(ROOT, f.path)));
      out.secondRun = { rc: again.rc, files: changed.length, changed: still.length, examples: still.slice(0, 10) };
    } catch {
      out.secondRun = { rc: again.rc, error: again.stderr.trim().split('\n')[0] || 'no JSON output' };
    }
  }
  if (jobs1Report) {
    const strip = (r) => JSON.stringify({ ...r, totals: { ...r.totals, elapsedMs: 0 } });
    out.jobsIdentical = strip(report) === strip(jobs1Report);
  }
  return out;
}

// ---------------------------------------------------------------- main

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const mach = machine();
  log(`pushdown speed bench: ${mach.nproc} cores (${mach.cpuModel}), node ${mach.node}, ${mach.date}`);
  ensureBuild(o.build);
  const build = buildInfo();
  log(`pushdown: commit ${build.commit}${build.dirty ? ` + ${build.dirty} uncommitted file(s) in bin/ lib/ transforms/` : ''}; rules: ${build.rules.join(', ')}`);
  if (build.stale) log('note: some source file is newer than dist/; run with --build (or npm run build) to measure the latest code');
  const manifest = ensureCorpus(o);
  const c = manifest.counts;
  const corpusLines = Object.values(manifest.files).reduce((a, f) => a + f.lines, 0);
  log(`corpus: ${c.sourceFiles} source files (${corpusLines.toLocaleString('en-US')} lines), ${c.prismaFiles} with Prisma, ${c.antiFiles} with anti-patterns, ${c.ignored} that must be skipped`);

  const target = await pushdownTarget();
  if (target.viaSymlink) {
    log(`note: \`pushdown ${CORPUS_REL}\` says "${target.why}" (the repository's .gitignore lists bench/.corpus/);`);
    log(`      pushdown is pointed at the same folder through the symlink ${target.path}`);
  }

  const variants = [
    { id: 'pd', name: 'pushdown (default jobs)', runs: [], argv: [pushdownArgs(target.path)] },
    { id: 'pd1', name: 'pushdown --jobs 1', runs: [], argv: [pushdownArgs(target.path, ['--jobs', '1'])] },
  ];
  if (o.jscodeshift) {
    variants.push({
      id: 'jsc',
      name: 'jscodeshift length-to-count (all extensions)',
      runs: [],
      argv: [jscodeshiftArgs('ts', ALL_EXTENSIONS)],
    });
    variants.push({
      id: 'jscts',
      name: 'jscodeshift length-to-count (--extensions ts,tsx)',
      once: true,
      runs: [],
      argv: [jscodeshiftArgs('ts', 'ts,tsx')],
    });
  }

  const loadBefore = loadavg();
  log(`load average before: ${loadBefore}`);
  for (let round = 1; round <= o.repeat; round++) {
    for (const v of variants) {
      if (v.once && round > 1) continue;
      const parts = [];
      for (let i = 0; i < v.argv.length; i++) {
        const r = await timed(`${v.id}-${i}`, v.argv[i]);
        if (r.rc !== 0 && !(v.id.startsWith('jsc') && r.rc === 0)) {
          // pushdown exits 2 when a file fails to parse; jscodeshift exits 0 unless --fail-on-error
          if (!(v.id.startsWith('pd') && r.rc === 2 && r.stdout.trim().startsWith('{'))) {
            throw new Error(`${v.name} exited ${r.rc}:\n${r.stderr.slice(0, 2000)}`);
          }
        }
        parts.push(r);
      }
      const run = {
        wall: parts.reduce((a, p) => a + p.wall, 0),
        cpu: parts.reduce((a, p) => a + p.cpu, 0),
        parts,
      };
      if (v.id.startsWith('pd')) run.report = JSON.parse(parts[0].stdout);
      else run.stats = parts.map((p) => jscodeshiftStats(p.stdout));
      v.runs.push(run);
      log(`  round ${round}/${o.repeat}  ${v.name.padEnd(56)} ${sec(run.wall).padStart(8)} wall  ${sec(run.cpu).padStart(8)} cpu`);
    }
  }
  const loadAfter = loadavg();

  // ---- summary table
  const summary = variants.map((v) => ({
    id: v.id,
    name: v.name,
    wall: median(v.runs.map((r) => r.wall)),
    cpu: median(v.runs.map((r) => r.cpu)),
    walls: v.runs.map((r) => r.wall),
    last: v.runs[v.runs.length - 1],
  }));
  const by = Object.fromEntries(summary.map((s) => [s.id, s]));
  const pd = by.pd;
  const totals = pd.last.report.totals;
  const rows = summary.map((s) => [
    s.name,
    sec(s.wall),
    sec(s.cpu),
    s.walls.map((w) => (w / 1000).toFixed(2)).join(' / '),
    s.id === 'pd' ? '1.0×' : `${(s.wall / pd.wall).toFixed(1)}×`,
  ]);
  const header = ['variant', 'median wall', 'median cpu', 'runs (s)', 'wall vs pushdown'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmtRow = (r) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  log('');
  log(fmtRow(header));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) log(fmtRow(r));
  log('');
  log(`prefilter: pushdown parsed ${totals.filesParsed} of ${totals.filesScanned} files (${((100 * totals.filesParsed) / totals.filesScanned).toFixed(1)}%); ${c.prismaFiles} corpus files call Prisma, the rest of those parsed only name a load method (look-alikes, custom findMany methods)`);
  log(`pushdown totals: scanned ${totals.filesScanned}, parsed ${totals.filesParsed}, changed ${totals.filesChanged}, failed ${totals.filesFailed}, edits ${totals.edits} (${JSON.stringify(totals.editsByRule)}), findings ${totals.findings}; its own elapsedMs ${totals.elapsedMs}`);
  let jscNote = '';
  if (by.jsc) {
    const st = by.jsc.last.stats[0];
    const stTs = by.jscts.last.stats[0];
    jscNote =
      `jscodeshift (all extensions): ${st.files} files${st.files === totals.filesScanned ? ' (the same count pushdown scanned)' : ` (pushdown scanned ${totals.filesScanned}: the file sets differ!)`}; ok ${st.ok}, skipped ${st.skipped}, unmodified ${st.unmodified}, errors ${st.errors}; ${st.workers} worker process(es)\n` +
      `jscodeshift (--extensions ts,tsx, one run): ${stTs.files} files; ok ${stTs.ok}, skipped ${stTs.skipped}, unmodified ${stTs.unmodified}, errors ${stTs.errors}`;
    log(jscNote);
    const ratio = by.jsc.wall / pd.wall;
    const ratio1 = by.jsc.wall / by.pd1.wall;
    log('');
    log(`ratio jscodeshift / pushdown (median wall): ${ratio.toFixed(1)}× with default jobs, ${ratio1.toFixed(1)}× with --jobs 1 (goal: ≥10× with all rules on; not asserted)`);
    log(`ratio jscodeshift / pushdown (median cpu):  ${(by.jsc.cpu / pd.cpu).toFixed(1)}× with default jobs, ${(by.jsc.cpu / by.pd1.cpu).toFixed(1)}× with --jobs 1`);
  }
  const rounds = pd.walls.map((w, i) => ({ pd: w, pd1: by.pd1.walls[i], jsc: by.jsc?.walls[i] }));
  const faster = rounds.filter((r) => r.pd < r.pd1).length;
  const workerVerdict =
    faster === rounds.length && by.pd1.wall > pd.wall * 1.1
      ? 'workers pay off'
      : faster === 0 && pd.wall > by.pd1.wall * 1.1
        ? 'workers do not pay off'
        : 'inconclusive (rounds disagree or differ by <10%)';
  const workerLine = `worker threads: default ${sec(pd.wall)} vs --jobs 1 ${sec(by.pd1.wall)} median wall; default faster in ${faster} of ${rounds.length} round(s): ${workerVerdict}`;
  log(workerLine);
  const roundRatios = by.jsc ? rounds.map((r) => `${(r.jsc / r.pd).toFixed(1)}× / ${(r.jsc / r.pd1).toFixed(1)}×`) : [];
  if (by.jsc) log(`per-round wall ratio jscodeshift / pushdown (default / --jobs 1), same round so same load: ${roundRatios.join(', ')}`);
  log(`load average before: ${loadBefore}; after: ${loadAfter} (1, 5, 15 min) on ${mach.nproc} cores`);

  // ---- cross-check
  let cc = null;
  if (o.check) {
    cc = await crossCheck(pd.last.report, manifest, target.path, by.pd1.last.report);
    log('');
    log('cross-check of pushdown output against the corpus manifest:');
    for (const line of crossCheckLines(cc)) log('  ' + line);
  }

  // ---- profile
  let profile = null;
  if (o.profile) {
    const { profilePushdown } = await import('./profile.mjs');
    log('');
    log('profiling pushdown --jobs 1 (node --cpu-prof)...');
    profile = await profilePushdown({ target: target.path, pushdown: PUSHDOWN, log });
  }

  if (o.results) {
    const md = resultsMarkdown({ o, mach, build, manifest, corpusLines, target, summary, by, totals, jscNote, loadBefore, loadAfter, cc, profile, workerLine, roundRatios });
    fs.writeFileSync(path.join(HERE, 'RESULTS-speed.md'), md);
    log('');
    log(`wrote ${path.relative(process.cwd(), path.join(HERE, 'RESULTS-speed.md'))}`);
  }
}

function crossCheckLines(cc) {
  const L = [];
  const list = (title, xs, max = 15) => {
    L.push(`${title}: ${xs.length}`);
    for (const x of xs.slice(0, max)) L.push(`    ${x}`);
    if (xs.length > max) L.push(`    … ${xs.length - max} more`);
  };
  L.push(`files scanned: ${cc.scanned} (expected ${cc.expectedScanned})${cc.scanned === cc.expectedScanned ? '' : '  <-- MISMATCH'}`);
  list('must-skip files that appear in the report', cc.ignoredReported);
  list('files that failed (parse-error / error) — every corpus file parses with tsc and babel', cc.failed);
  list('PROBLEM look-alikes / must-not-rewrite snippets that got a SAFE edit', cc.lookalikeSafe);
  list('look-alikes / must-not-rewrite snippets that got a review edit', cc.lookalikeReview);
  list('PROBLEM review-only snippets (extended client) that got a SAFE edit', cc.reviewSnippetSafe);
  list('edits/findings outside any planted snippet (check by hand)', cc.unplanned);
  list('PROBLEM changed files whose output does not parse', cc.afterParseErrors);
  if (cc.secondRun) {
    if (cc.secondRun.error) L.push(`second run over the outputs failed: ${cc.secondRun.error}`);
    else L.push(`second run over the ${cc.secondRun.files} rewritten files: ${cc.secondRun.changed} still change${cc.secondRun.changed ? '  <-- NOT IDEMPOTENT: ' + cc.secondRun.examples.join(', ') : ''}`);
  }
  if (cc.jobsIdentical !== null) L.push(`--jobs 1 and default jobs give the same JSON (apart from elapsedMs): ${cc.jobsIdentical ? 'yes' : 'NO'}`);
  L.push('per planted snippet kind (expect: rewrite = some rule should act; no-rewrite = must stay; review = at most review):');
  const kinds = Object.entries(cc.byKind).sort(([a, x], [b, y]) => (x.expect === y.expect ? (a < b ? -1 : 1) : x.expect < y.expect ? -1 : 1));
  L.push(`    ${'kind'.padEnd(24)} ${'expect'.padEnd(10)} ${'target rule'.padEnd(22)} ${'n'.padStart(3)} ${'safe'.padStart(5)} ${'review'.padStart(6)} ${'finding'.padStart(7)} ${'none'.padStart(5)}  rules that acted`);
  for (const [k, v] of kinds) {
    L.push(`    ${k.padEnd(24)} ${v.expect.padEnd(10)} ${v.rule.padEnd(22)} ${String(v.n).padStart(3)} ${String(v.safe).padStart(5)} ${String(v.review).padStart(6)} ${String(v.finding).padStart(7)} ${String(v.none).padStart(5)}  ${[...v.rules].join(', ')}`);
  }
  return L;
}

function resultsMarkdown({ o, mach, build, manifest, corpusLines, target, summary, by, totals, jscNote, loadBefore, loadAfter, cc, profile, workerLine, roundRatios }) {
  const c = manifest.counts;
  const L = [];
  L.push('# pushdown speed benchmark: latest result');
  L.push('');
  L.push('Written by `npm run bench` (bench/run.mjs). Numbers are from one machine at one moment; they are');
  L.push('a measurement, not a test. Re-run to refresh.');
  L.push('');
  L.push('## Machine');
  L.push('');
  L.push(`- ${mach.nproc} cores (nproc), CPU: ${mach.cpuModel}, ${mach.memGiB} GiB RAM`);
  L.push(`- Node ${mach.node}, ${mach.platform}`);
  L.push(`- date: ${mach.date}`);
  L.push(`- load average (1/5/15 min) before: ${loadBefore}, after: ${loadAfter}. A load above the core count means`);
  L.push('  other processes shared the CPUs during the run: wall times are then inflated; CPU times are steadier.');
  L.push('');
  L.push('## pushdown build');
  L.push('');
  L.push(`commit ${build.commit}${build.dirty ? ` plus ${build.dirty} uncommitted file(s) in bin/ lib/ transforms/` : ''}; rules registered: ${build.rules.join(', ')} (all run).`);
  L.push('');
  L.push('## Corpus');
  L.push('');
  L.push(`\`node bench/generate-corpus.mjs --files ${manifest.options.files} --seed ${manifest.options.seed}\` (generator v${manifest.version}, deterministic):`);
  L.push(`${c.sourceFiles} source files to scan, ${corpusLines.toLocaleString('en-US')} lines (${Object.entries(c.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}; plus ${c.support} support files);`);
  L.push(`${c.prismaFiles} files (${((100 * c.prismaFiles) / c.total).toFixed(1)}%) use Prisma, ${c.antiFiles} of them with planted anti-patterns; ${c.lookalikeFiles} non-Prisma files with look-alikes;`);
  L.push(`${c.ignored} files a tool must skip (node_modules/, .gitignore'd dist/ generated/ coverage/ .next/ *.gen.ts, nested src/legacy/.gitignore).`);
  L.push('src/lib/prisma.ts also exports a soft-delete client, `prisma.$extends({ query: { $allModels: { findMany } } })`, used by');
  L.push('a few files (as `xprisma`): a project with per-operation query hooks.');
  L.push('');
  L.push('## Result');
  L.push('');
  L.push(`Median of ${o.repeat} interleaved run(s); "cpu" is user+sys of the whole process tree (bash \`times\`).`);
  L.push('');
  L.push('| variant | median wall | median cpu | runs (wall, s) | wall vs pushdown |');
  L.push('|---|---:|---:|---|---:|');
  for (const s of summary) {
    L.push(`| ${s.name} | ${sec(s.wall)} | ${sec(s.cpu)} | ${s.walls.map((w) => (w / 1000).toFixed(2)).join(' / ')} | ${s.id === 'pd' ? '1.0×' : (s.wall / by.pd.wall).toFixed(1) + '×'} |`);
  }
  L.push('');
  if (by.jsc) {
    L.push(`**jscodeshift / pushdown (median wall): ${(by.jsc.wall / by.pd.wall).toFixed(1)}×** with pushdown's default jobs, ${(by.jsc.wall / by.pd1.wall).toFixed(1)}× with --jobs 1. CPU-time ratio: ${(by.jsc.cpu / by.pd.cpu).toFixed(1)}× / ${(by.jsc.cpu / by.pd1.cpu).toFixed(1)}×. Goal: ≥10× with all rules on.`);
    L.push('');
  }
  if (roundRatios.length) {
    L.push(`Per round (the variants of one round ran back to back, under about the same load), jscodeshift / pushdown wall, default jobs / --jobs 1: ${roundRatios.join(', ')}.`);
    L.push('');
  }
  L.push(workerLine[0].toUpperCase() + workerLine.slice(1) + '.');
  L.push('');
  L.push(`pushdown totals: scanned ${totals.filesScanned}, parsed ${totals.filesParsed}, changed ${totals.filesChanged}, failed ${totals.filesFailed}, edits ${totals.edits} \`${JSON.stringify(totals.editsByRule)}\`, findings ${totals.findings}.`);
  L.push('');
  if (jscNote) {
    for (const l of jscNote.split('\n')) L.push(`- ${l}`);
    L.push('');
  }
  L.push('## Commands');
  L.push('');
  L.push('```sh');
  L.push(`node dist/bin/pushdown.js ${target.viaSymlink ? target.path : CORPUS_REL} --format json            # default jobs`);
  L.push(`node dist/bin/pushdown.js ${target.viaSymlink ? target.path : CORPUS_REL} --format json --jobs 1`);
  const q = (a) => (/[*?\s]/.test(a) ? `'${a}'` : a);
  const shown = (a) => 'node ' + a.slice(1).map(q).join(' ').replaceAll(ROOT + '/', '').replaceAll(path.relative(ROOT, SNAPSHOT) + '/', 'dist/');
  L.push(shown(jscodeshiftArgs('ts', ALL_EXTENSIONS)));
  L.push(`# reference run (once): the same with --extensions ts,tsx`);
  L.push('```');
  L.push('');
  L.push('Choices, and why:');
  L.push('');
  if (target.viaSymlink) {
    L.push(`- pushdown applies the enclosing repository's .gitignore files to the folder it is given, and`);
    L.push(`  this repository's .gitignore lists \`bench/.corpus/\`, so \`pushdown bench/.corpus\` answers`);
    L.push(`  "${target.why}". The bench hands it the same folder through the symlink \`${target.path}\`.`);
  }
  L.push('- jscodeshift is given the transform as compiled (`dist/transforms/length-to-count.js`, ESM in a');
  L.push('  `"type": "module"` package). jscodeshift 17 loads a transform with `require()` in each worker, after');
  L.push('  hooking `@babel/register` unless `--no-babel`. Node ≥ 20.19 can `require()` an ES module, so the');
  L.push('  ESM file loads either way; the bench passes `--no-babel`, because the file is already JavaScript and');
  L.push('  babel-register would only add compile time to every worker start (that favours jscodeshift).');
  L.push('- `--parser` does not matter for this transform: pushdown\'s jscodeshift wrapper (lib/jscodeshift.ts)');
  L.push('  never calls jscodeshift\'s parser, it parses each file itself by extension (lib/parse.ts: ts, tsx or');
  L.push('  babel). So one invocation with `--parser ts` covers .tsx and .js files correctly (the .tsx files give');
  L.push('  0 errors, see the counts above), and the headline run passes every extension pushdown scans. A plain');
  L.push('  jscodeshift transform that used `j(file.source)` would need `--parser tsx` for .tsx, which in turn');
  L.push('  breaks `<T>x` casts in .ts files (the corpus has some): two invocations. The brief\'s');
  L.push('  `--extensions ts,tsx` command is run once for reference; it skips the .js files.');
  L.push('- jscodeshift\'s worker count is left at its default, max(cores − 1, 1) child processes (and `--cpus`');
  L.push('  cannot raise it above that); on this machine that is the number shown in "worker process(es)" above.');
  L.push('- jscodeshift skips the same files as pushdown via `--ignore-pattern \'**/node_modules/**\'` and');
  L.push('  `--ignore-config` with the corpus\'s two .gitignore files. `--silent` is left off so its summary');
  L.push('  (files, ok, skipped, errors) can be read; its stdout goes to a file (bench/.work/), which costs nothing');
  L.push('  measurable.');
  L.push('- jscodeshift runs one rule (length-to-count); pushdown runs all registered rules.');
  L.push('');
  if (cc) {
    L.push('## Cross-check of pushdown\'s output');
    L.push('');
    L.push('```');
    for (const l of crossCheckLines(cc)) L.push(l);
    L.push('```');
    L.push('');
  }
  if (profile) {
    L.push('## Profile (pushdown --jobs 1, node --cpu-prof)');
    L.push('');
    L.push('```');
    for (const l of profile.lines) L.push(l);
    L.push('```');
    L.push('');
  }
  return L.join('\n');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
