#!/usr/bin/env node
/**
 * `npm run bench`: pushdown vs the jscodeshift CLI, on the generated corpus and on any tree.
 *
 *   node bench/run.mjs [--corpus <path>]... [--generated] [--repeat 3] [--files 4000] [--seed pushdown]
 *                      [--regen] [--build] [--quick] [--skip-jscodeshift] [--profile] [--floors] [--no-check]
 *                      [--no-results] [--results <file>]
 *
 *   npm run bench                                   # the generated corpus (bench/.corpus)
 *   npm run bench -- --corpus /tmp/dub --corpus /tmp/trigger --generated --profile
 *
 * 1. builds (npm run build) when dist/bin/pushdown.js or dist/transforms/length-to-count.js
 *    is missing (or always, with --build), and runs a copy of dist taken at the start;
 * 2. the generated corpus (bench/generate-corpus.mjs, deterministic) is measured when no
 *    --corpus is given, or with --generated; it is (re)made when missing or stale;
 *    each --corpus <path> is any source tree (a fetched monorepo, say), measured as is;
 * 3. times, interleaved round by round (every variant of every corpus once per round, so
 *    machine noise hits them alike; the load average is recorded before each round):
 *    - pushdown, full dry run, all rules, JSON output, default worker count;
 *    - the same with --jobs 1 (in-process), to show whether worker threads pay off;
 *    - the anchor: the jscodeshift CLI running dist/transforms/length-to-count.js alone, dry,
 *      on exactly the files pushdown scans (pushdown's own discovery, handed over with
 *      --stdin, so .gitignore and the always-skipped folders count for both alike);
 *    and reports median wall, CPU (user+sys of the process tree) and peak RSS (GNU time's
 *    maximum resident set size: the largest single process of the tree), files scanned and
 *    parsed, and the ratio jscodeshift / pushdown. Nothing here asserts on speed;
 * 4. checks pushdown's output: on the generated corpus against its manifest (must-skip files,
 *    look-alikes, planted snippets, a second run); on any corpus, that no file failed, that
 *    every changed file's output parses, and that --jobs 1 and the default agree;
 * 5. where a first run's time goes: `pushdown --jobs 1 --timing` on every corpus (up to 3 runs,
 *    medians by stage); with --floors, each stage alone in a fresh process (bench/floors.mjs:
 *    the parse cold and warm, the crawl; with PUSHDOWN_BENCH_OXC naming an installed oxc-parser, its
 *    parse of the same files too, for the arithmetic of a native parser);
 * 6. writes bench/RESULTS-speed.md (unless --no-results). With --profile it also profiles
 *    (node --cpu-prof, --jobs 1) every corpus and a cold start on a one-file tree.
 *    Text below the line `<!-- notes: kept by npm run bench -->` in the old file is kept.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { floorsLines, measureFloors } from './floors.mjs';
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
  const o = {
    repeat: 3,
    files: 4000,
    seed: 'pushdown',
    regen: false,
    build: false,
    jscodeshift: true,
    profile: false,
    floors: false,
    results: true,
    resultsFile: path.join(HERE, 'RESULTS-speed.md'),
    check: true,
    corpora: [],
    generated: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value for ${a}`);
      return v;
    };
    if (a === '--repeat') o.repeat = Number(next());
    else if (a === '--files') o.files = Number(next());
    else if (a === '--seed') o.seed = next();
    else if (a === '--regen') o.regen = true;
    else if (a === '--build') o.build = true;
    else if (a === '--quick') o.repeat = 1;
    else if (a === '--skip-jscodeshift') o.jscodeshift = false;
    else if (a === '--profile') o.profile = true;
    else if (a === '--floors') o.floors = true;
    else if (a === '--no-results') o.results = false;
    else if (a === '--results') o.resultsFile = path.resolve(next());
    else if (a === '--no-check') o.check = false;
    else if (a === '--corpus') o.corpora.push(path.resolve(next()));
    else if (a === '--generated') o.generated = true;
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a} (see --help)`);
  }
  if (!(Number.isInteger(o.repeat) && o.repeat >= 1)) throw new Error('--repeat must be a positive integer');
  for (const c of o.corpora) if (!fs.existsSync(c) || !fs.statSync(c).isDirectory()) throw new Error(`--corpus ${c}: not a folder`);
  if (o.corpora.length === 0) o.generated = true;
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
const mib = (kb) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MiB` : 'n/a');
/** A variant's peak RSS: the median of its runs, and the highest run when it is above the median (V8's full collections can make one run peak higher). */
const rssCell = (s) => (Number.isFinite(s.rssMaxKb) && Math.round(s.rssMaxKb / 1024) > Math.round(s.rssKb / 1024) ? `${mib(s.rssKb)} (max ${mib(s.rssMaxKb)})` : mib(s.rssKb));

/** GNU time reports wall, user, sys and the peak RSS; without it, bash `times` gives user and sys only. */
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => {
  try {
    return spawnSync(p, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  } catch {
    return false;
  }
});

function parseTimes(out) {
  // bash `times`: line 1 = the shell, line 2 = its children (user sys), e.g. "0m42.340s 0m4.924s"
  const lines = out.trim().split('\n');
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
  if (!m) return { user: NaN, sys: NaN };
  return { user: (Number(m[1]) * 60 + Number(m[2])) * 1000, sys: (Number(m[3]) * 60 + Number(m[4])) * 1000 };
}

/**
 * Runs argv and measures it: wall time here, CPU (user+sys, worker threads and child processes
 * included) and peak RSS from GNU time (or bash `times`, no RSS). stdout/stderr go to files;
 * stdin comes from `stdinFile` (default /dev/null).
 */
function timed(label, argv, { cwd = ROOT, stdinFile = '/dev/null' } = {}) {
  fs.mkdirSync(WORK, { recursive: true });
  const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const outFile = path.join(WORK, `${slug}.stdout`);
  const errFile = path.join(WORK, `${slug}.stderr`);
  const timeFile = path.join(WORK, `${slug}.time`);
  const script = GNU_TIME
    ? `out=$1; err=$2; tf=$3; in=$4; shift 4; ${GNU_TIME} -f '%U %S %M' -o "$tf" "$@" <"$in" >"$out" 2>"$err"`
    : 'out=$1; err=$2; tf=$3; in=$4; shift 4; "$@" <"$in" >"$out" 2>"$err"; rc=$?; times >"$tf"; exit $rc';
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script, 'bash', outFile, errFile, timeFile, stdinFile, ...argv], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (rc) => {
      const wall = performance.now() - t0;
      const t = fs.readFileSync(timeFile, 'utf8');
      let user;
      let sys;
      let rssKb = NaN;
      const m = GNU_TIME ? /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(t.trim()) : null;
      if (m) {
        user = Number(m[1]) * 1000;
        sys = Number(m[2]) * 1000;
        rssKb = Number(m[3]);
      } else ({ user, sys } = parseTimes(t));
      resolve({ label, rc, wall, cpu: user + sys, user, sys, rssKb, stdout: fs.readFileSync(outFile, 'utf8'), stderr: fs.readFileSync(errFile, 'utf8') });
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

/** jscodeshift on the files listed (one per line) in the file its stdin reads. */
function jscodeshiftArgs() {
  return ['node', JSCODESHIFT, '--no-babel', '-t', path.relative(ROOT, TRANSFORM), '--parser', 'ts', '--extensions', ALL_EXTENSIONS, '--dry', '--stdin'];
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

/** The files pushdown scans under a target, by its own discovery (the snapshot's), for jscodeshift's --stdin. */
async function scannedFiles(target, cwd = ROOT) {
  const { discoverFiles } = await import(pathToFileURL(path.join(SNAPSHOT, 'lib/runner/discover.js')).href);
  return discoverFiles({ cwd, paths: [target], ignore: [], extensions: ALL_EXTENSIONS.split(',') });
}

/** Generic checks on any corpus: failed files, outputs that do not parse, --jobs 1 vs default. */
async function treeCheck(report, jobs1Report) {
  const out = { failed: [], afterParseErrors: [], jobsIdentical: null, changed: 0 };
  const { applyPatch } = await import('diff');
  for (const f of report.files) {
    if (f.status === 'parse-error' || f.status === 'error') out.failed.push(`${f.path}: ${f.status}: ${f.error?.message ?? ''}${f.error?.line ? ` (${f.error.line}:${f.error.column})` : ''}`);
    if (f.status !== 'changed' || !f.diff) continue;
    out.changed++;
    const abs = path.resolve(ROOT, f.path);
    const after = applyPatch(fs.readFileSync(abs, 'utf8'), f.diff); // pushdown diffs the decoded UTF-8 text
    if (after === false) out.afterParseErrors.push(`${f.path}: the reported diff does not apply to the file`);
    else {
      try {
        babelParse(after, f.path);
      } catch (err) {
        out.afterParseErrors.push(`${f.path}: output does not parse: ${err.message}`);
      }
    }
  }
  if (jobs1Report) {
    const strip = (r) => JSON.stringify({ ...r, totals: { ...r.totals, elapsedMs: 0 } });
    out.jobsIdentical = strip(report) === strip(jobs1Report);
  }
  return out;
}

function treeCheckLines(cc) {
  const L = [];
  L.push(`files that failed (parse-error / error): ${cc.failed.length}`);
  for (const x of cc.failed.slice(0, 10)) L.push(`    ${x}`);
  L.push(`changed files: ${cc.changed}; PROBLEM outputs that do not parse: ${cc.afterParseErrors.length}`);
  for (const x of cc.afterParseErrors.slice(0, 10)) L.push(`    ${x}`);
  if (cc.jobsIdentical !== null) L.push(`--jobs 1 and default jobs give the same JSON (apart from elapsedMs): ${cc.jobsIdentical ? 'yes' : 'NO'}`);
  return L;
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
  if (!GNU_TIME) log('note: GNU time (/usr/bin/time) is missing: no peak RSS; CPU from bash `times`');
  ensureBuild(o.build);
  const build = buildInfo();
  log(`pushdown: commit ${build.commit}${build.dirty ? ` + ${build.dirty} uncommitted file(s) in bin/ lib/ transforms/` : ''}; rules: ${build.rules.join(', ')}`);
  if (build.stale) log('note: some source file is newer than dist/; run with --build (or npm run build) to measure the latest code');

  const corpora = [];
  if (o.generated) {
    const manifest = ensureCorpus(o);
    const c = manifest.counts;
    const corpusLines = Object.values(manifest.files).reduce((a, f) => a + f.lines, 0);
    log(`generated corpus: ${c.sourceFiles} source files (${corpusLines.toLocaleString('en-US')} lines), ${c.prismaFiles} with Prisma, ${c.antiFiles} with anti-patterns, ${c.ignored} that must be skipped`);
    const target = await pushdownTarget();
    if (target.viaSymlink) {
      log(`note: \`pushdown ${CORPUS_REL}\` says "${target.why}" (the repository's .gitignore lists bench/.corpus/);`);
      log(`      pushdown is pointed at the same folder through the symlink ${target.path}`);
    }
    corpora.push({ name: 'generated', dir: CORPUS, target: target.path, targetInfo: target, manifest, corpusLines });
  }
  for (const dir of o.corpora) corpora.push({ name: path.basename(dir), dir, target: dir });
  const seen = new Set();
  for (const c of corpora) {
    while (seen.has(c.name)) c.name += "'";
    seen.add(c.name);
    c.files = await scannedFiles(c.target);
    c.bytes = c.files.reduce((a, f) => a + fs.statSync(f).size, 0);
    c.listFile = path.join(WORK, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.files`);
    fs.writeFileSync(c.listFile, c.files.join('\n') + '\n');
    log(`corpus ${c.name}: ${c.target}: ${c.files.length} files pushdown scans, ${(c.bytes / 2 ** 20).toFixed(1)} MiB`);
    c.variants = [
      { id: 'pd', name: 'pushdown, all rules (default jobs)', runs: [], argv: pushdownArgs(c.target) },
      { id: 'pd1', name: 'pushdown, all rules, --jobs 1', runs: [], argv: pushdownArgs(c.target, ['--jobs', '1']) },
      // The cache file lives in bench/.work, filled by one untimed run before the rounds: every timed run is a second run.
      { id: 'pdc', name: 'pushdown, all rules, --cache (a second run)', runs: [], argv: pushdownArgs(c.target, ['--cache', '--cache-location', path.join(WORK, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.cache.json`)]), prime: true },
    ];
    if (o.jscodeshift) c.variants.push({ id: 'jsc', name: 'jscodeshift CLI, one rule (length-to-count)', runs: [], argv: jscodeshiftArgs(), stdinFile: c.listFile });
  }

  for (const c of corpora) {
    for (const v of c.variants.filter((x) => x.prime)) {
      fs.rmSync(v.argv[v.argv.length - 1], { force: true });
      const r = await timed(`${c.name}-${v.id}-prime`, v.argv);
      log(`corpus ${c.name}: cache filled by a first --cache run (${sec(r.wall)} wall)`);
    }
  }

  const rounds = [];
  for (let round = 1; round <= o.repeat; round++) {
    const load = loadavg();
    rounds.push({ round, loadBefore: load });
    log(`round ${round}/${o.repeat} (load average ${load})`);
    for (const c of corpora) {
      for (const v of c.variants) {
        const r = await timed(`${c.name}-${v.id}`, v.argv, { stdinFile: v.stdinFile });
        // pushdown exits 2 when a file fails to parse (its JSON is still complete); jscodeshift exits 0 unless --fail-on-error
        if (r.rc !== 0 && !(v.id.startsWith('pd') && r.rc === 2 && r.stdout.trim().startsWith('{'))) throw new Error(`${c.name}: ${v.name} exited ${r.rc}:\n${r.stderr.slice(0, 2000)}`);
        if (v.id.startsWith('pd')) r.report = JSON.parse(r.stdout);
        else r.stats = jscodeshiftStats(r.stdout);
        r.stdout = r.stderr = '';
        v.runs.push(r);
        log(`  ${c.name.padEnd(12)} ${v.name.padEnd(44)} ${sec(r.wall).padStart(8)} wall ${sec(r.cpu).padStart(8)} cpu ${mib(r.rssKb).padStart(9)} peak RSS`);
      }
    }
  }
  const loadAfter = loadavg();

  for (const c of corpora) {
    c.summary = c.variants.map((v) => ({
      id: v.id,
      name: v.name,
      wall: median(v.runs.map((r) => r.wall)),
      cpu: median(v.runs.map((r) => r.cpu)),
      rssKb: median(v.runs.map((r) => r.rssKb)),
      rssMaxKb: Math.max(...v.runs.map((r) => r.rssKb)),
      walls: v.runs.map((r) => r.wall),
      last: v.runs[v.runs.length - 1],
    }));
    c.by = Object.fromEntries(c.summary.map((s) => [s.id, s]));
    c.totals = c.by.pd.last.report.totals;
    fs.writeFileSync(path.join(WORK, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.report.json`), JSON.stringify(c.by.pd.last.report, null, 1));
    log('');
    for (const l of corpusLines(c)) log(l);
  }
  log(`load average before the rounds: ${rounds.map((r) => r.loadBefore).join(' | ')}; after: ${loadAfter} (1, 5, 15 min) on ${mach.nproc} cores`);

  // ---- checks
  if (o.check) {
    for (const c of corpora) {
      log('');
      log(`check of pushdown's output on ${c.name}:`);
      c.check = c.manifest ? await crossCheck(c.by.pd.last.report, c.manifest, c.target, c.by.pd1.last.report) : await treeCheck(c.by.pd.last.report, c.by.pd1.last.report);
      c.checkLines = c.manifest ? crossCheckLines(c.check) : treeCheckLines(c.check);
      if (c.by.pdc) {
        const same = (r) => JSON.stringify({ ...r, totals: { ...r.totals, elapsedMs: 0 } });
        const equal = same(c.by.pdc.last.report) === same(c.by.pd.last.report);
        c.checkLines.push(`the --cache run's JSON report equals the uncached run's (elapsedMs aside): ${equal ? 'yes' : 'NO'}`);
        if (!equal) process.exitCode = 1;
      }
      for (const line of c.checkLines) log('  ' + line);
    }
  }

  // ---- stages: pushdown's own --timing, up to 3 runs per corpus, interleaved
  const timingRounds = Math.min(o.repeat, 3);
  for (const c of corpora) c.timingRuns = [];
  for (let round = 1; round <= timingRounds; round++) {
    for (const c of corpora) {
      const r = await timed(`${c.name}-timing`, pushdownArgs(c.target, ['--jobs', '1', '--timing']));
      if (r.rc !== 0 && !(r.rc === 2 && r.stdout.trim().startsWith('{'))) throw new Error(`${c.name}: pushdown --timing exited ${r.rc}:\n${r.stderr.slice(0, 2000)}`);
      c.timingRuns.push({ timing: JSON.parse(r.stdout).timing, wall: r.wall });
    }
  }
  const { stageOrder } = await import(pathToFileURL(path.join(SNAPSHOT, 'lib/runner/timing.js')).href);
  for (const c of corpora) {
    c.stages = stageMedians(c.timingRuns);
    c.stageRows = stageLines(c, stageOrder, build.rules);
    log('');
    log(`where a first run's time goes on ${c.name} (pushdown --jobs 1 --timing, median of ${timingRounds}):`);
    for (const l of c.stageRows) log('  ' + l);
  }

  // ---- floors: each stage alone, in a fresh process
  if (o.floors) {
    for (const c of corpora) {
      log('');
      log(`floors on ${c.name} (bench/floors.mjs, each stage alone in a fresh process):`);
      c.floors = measureFloors({ target: c.target, dist: SNAPSHOT, repeat: timingRounds, log });
    }
  }

  // ---- profiles
  const profiles = [];
  if (o.profile) {
    const { profilePushdown } = await import('./profile.mjs');
    const cold = coldTree();
    for (const [name, target] of [['cold start (one file, one load, a schema)', cold], ...corpora.map((c) => [c.name, c.target])]) {
      log('');
      log(`profiling pushdown --jobs 1 on ${name} (node --cpu-prof)...`);
      profiles.push({ name, ...(await profilePushdown({ target, pushdown: PUSHDOWN, log })) });
    }
  }

  if (o.results) {
    const md = resultsMarkdown({ o, mach, build, corpora, rounds, loadAfter, profiles });
    fs.writeFileSync(o.resultsFile, md);
    log('');
    log(`wrote ${path.relative(process.cwd(), o.resultsFile)}`);
  }
}

/** A one-file tree with one load and a schema: what every run pays before its first file. */
function coldTree() {
  const dir = path.join(WORK, 'cold');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'prisma'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "cold", "private": true }\n');
  fs.writeFileSync(path.join(dir, 'prisma/schema.prisma'), 'datasource db {\n  provider = "sqlite"\n}\n\nmodel User {\n  id     Int     @id\n  active Boolean\n}\n');
  fs.writeFileSync(path.join(dir, 'a.ts'), 'import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nexport async function n() {\n  return (await prisma.user.findMany({ where: { active: true } })).length;\n}\n');
  return dir;
}

function corpusLines(c) {
  const L = [];
  const rows = c.summary.map((s) => [s.name, sec(s.wall), sec(s.cpu), rssCell(s), s.walls.map((w) => (w / 1000).toFixed(2)).join(' / '), s.id === 'pd' ? '1.0×' : `${(s.wall / c.by.pd.wall).toFixed(1)}×`]);
  const header = ['variant', 'median wall', 'median cpu', 'median peak RSS', 'runs (s)', 'wall vs pushdown'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmtRow = (r) => r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  L.push(`== ${c.name}: ${c.target}`);
  L.push(fmtRow(header));
  L.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) L.push(fmtRow(r));
  const t = c.totals;
  L.push(`pushdown: scanned ${t.filesScanned}, parsed ${t.filesParsed}, changed ${t.filesChanged}, failed ${t.filesFailed}, edits ${t.edits}, findings ${t.findings}`);
  if (c.by.jsc) {
    const st = c.by.jsc.last.stats;
    L.push(`jscodeshift: ${st.files} files${st.files === t.filesScanned ? ' (the same count pushdown scanned)' : ` (pushdown scanned ${t.filesScanned}: the file sets differ!)`}; ok ${st.ok}, skipped ${st.skipped}, unmodified ${st.unmodified}, errors ${st.errors}; ${st.workers} worker process(es)`);
    const per = c.by.pd.walls.map((w, i) => `${(c.by.jsc.walls[i] / w).toFixed(1)}×`);
    L.push(`ratio jscodeshift one rule / pushdown all rules: median wall ${(c.by.jsc.wall / c.by.pd.wall).toFixed(1)}× (--jobs 1: ${(c.by.jsc.wall / c.by.pd1.wall).toFixed(1)}×), median cpu ${(c.by.jsc.cpu / c.by.pd.cpu).toFixed(1)}×; per round (same load): ${per.join(', ')}`);
  }
  const faster = c.by.pd.walls.filter((w, i) => w < c.by.pd1.walls[i]).length;
  L.push(`default jobs vs --jobs 1: ${sec(c.by.pd.wall)} vs ${sec(c.by.pd1.wall)} median wall; default faster in ${faster} of ${c.by.pd.walls.length} round(s)`);
  return L;
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

/** Per stage, the median over the runs (a stage absent from a run counts 0 there), and the process walls. */
function stageMedians(runs) {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.timing)))];
  return { ms: Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.timing[k] ?? 0))])), wall: median(runs.map((r) => r.wall)), runs: runs.length };
}

/** The stages as markdown table rows, in the order pushdown's own --timing table gives them (stageOrder, from the measured build). */
function stageLines(c, stageOrder, ruleOrder) {
  const { ms, wall } = c.stages;
  const rows = stageOrder(ms, ruleOrder);
  const rules = rows.filter((k) => k.startsWith('rule:'));
  const accounted = rows.reduce((a, k) => a + ms[k], 0);
  const L = ['| stage | median | share of the process wall |', '|---|---:|---:|'];
  for (const k of rows) L.push(`| ${k} | ${Math.round(ms[k])} ms | ${((100 * ms[k]) / wall).toFixed(1)}% |`);
  L.push(`| (rules together) | ${Math.round(rules.reduce((a, k) => a + ms[k], 0))} ms | ${((100 * rules.reduce((a, k) => a + ms[k], 0)) / wall).toFixed(1)}% |`);
  L.push(`| not in a stage (the report, exit, what lies between stages) | ${Math.round(wall - accounted)} ms | ${((100 * (wall - accounted)) / wall).toFixed(1)}% |`);
  L.push(`| process wall (as timed from outside) | ${Math.round(wall)} ms | |`);
  return L;
}

const NOTES_MARK = '<!-- notes: kept by npm run bench -->';

function resultsMarkdown({ o, mach, build, corpora, rounds, loadAfter, profiles }) {
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
  L.push(`- load average (1/5/15 min) before each round: ${rounds.map((r) => r.loadBefore).join(' | ')}; after: ${loadAfter}.`);
  L.push('  A load above the core count means other processes shared the CPUs during the run: wall times are');
  L.push('  then inflated and noisy; CPU times (user+sys) are steadier, and the per-round ratios compare runs');
  L.push('  made back to back under about the same load.');
  L.push('');
  L.push('## pushdown build');
  L.push('');
  L.push(`commit ${build.commit}${build.dirty ? ` plus ${build.dirty} uncommitted file(s) in bin/ lib/ transforms/` : ''}; rules registered: ${build.rules.join(', ')} (all run).`);
  L.push('');
  L.push('## Corpora');
  L.push('');
  L.push('| corpus | path | files scanned | MiB | files parsed |');
  L.push('|---|---|---:|---:|---:|');
  for (const c of corpora) L.push(`| ${c.name} | \`${c.target}\` | ${c.files.length} | ${(c.bytes / 2 ** 20).toFixed(1)} | ${c.totals.filesParsed} |`);
  L.push('');
  const g = corpora.find((c) => c.manifest);
  if (g) {
    const m = g.manifest;
    const c = m.counts;
    L.push(`generated: \`node bench/generate-corpus.mjs --files ${m.options.files} --seed ${m.options.seed}\` (generator v${m.version}, deterministic):`);
    L.push(`${c.sourceFiles} source files to scan, ${g.corpusLines.toLocaleString('en-US')} lines (${Object.entries(c.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}; plus ${c.support} support files);`);
    L.push(`${c.prismaFiles} files (${((100 * c.prismaFiles) / c.total).toFixed(1)}%) use Prisma, ${c.antiFiles} of them with planted anti-patterns; ${c.lookalikeFiles} non-Prisma files with look-alikes;`);
    L.push(`${c.ignored} files a tool must skip (node_modules/, .gitignore'd dist/ generated/ coverage/ .next/ *.gen.ts, nested src/legacy/.gitignore).`);
    L.push('src/lib/prisma.ts also exports a soft-delete client (`prisma.$extends({ query: ... findMany })`): a project with');
    L.push('per-operation query hooks, so every rewrite there is review.');
    L.push('');
  }
  L.push('Other corpora are trees given with `--corpus`, measured as they are (their code is not in this repository).');
  L.push('');
  L.push('## Result');
  L.push('');
  L.push(`Median of ${o.repeat} round(s); in each round every variant of every corpus ran once, back to back. "cpu" is user+sys`);
  L.push('of the whole process tree; "peak RSS" is the largest resident set of a single process of the tree (GNU time), the median');
  L.push('of the runs, with the highest run beside it when that is higher.');
  L.push('Goal (issue 9): all rules ≤ 0.7 s wall and ≤ 150 MiB on a dub-sized monorepo, ≥ 19× the jscodeshift CLI running one rule.');
  L.push('');
  L.push('| corpus | variant | median wall | median cpu | median peak RSS | runs (wall, s) | jscodeshift / this (wall) |');
  L.push('|---|---|---:|---:|---:|---|---:|');
  for (const c of corpora) {
    for (const s of c.summary) {
      const ratio = c.by.jsc && s.id !== 'jsc' ? `${(c.by.jsc.wall / s.wall).toFixed(1)}×` : '';
      L.push(`| ${c.name} | ${s.name} | ${sec(s.wall)} | ${sec(s.cpu)} | ${rssCell(s)} | ${s.walls.map((w) => (w / 1000).toFixed(2)).join(' / ')} | ${ratio} |`);
    }
  }
  L.push('');
  for (const c of corpora) {
    L.push('```');
    for (const l of corpusLines(c)) L.push(l);
    L.push('```');
    L.push('');
  }
  L.push('## Commands');
  L.push('');
  L.push('```sh');
  L.push('node dist/bin/pushdown.js <corpus> --format json            # default jobs');
  L.push('node dist/bin/pushdown.js <corpus> --format json --jobs 1');
  L.push('node dist/bin/pushdown.js <corpus> --format json --cache --cache-location bench/.work/<corpus>.cache.json   # after one untimed run that fills it');
  L.push(`node node_modules/jscodeshift/bin/jscodeshift.js ${jscodeshiftArgs().slice(2).join(' ').replaceAll(path.relative(ROOT, SNAPSHOT) + '/', 'dist/')} < files-pushdown-scans.txt`);
  L.push('```');
  L.push('');
  L.push('Choices, and why:');
  L.push('');
  if (g?.targetInfo?.viaSymlink) {
    L.push(`- pushdown applies the enclosing repository's .gitignore files to the folder it is given, and this`);
    L.push(`  repository's .gitignore lists \`bench/.corpus/\`, so the bench hands it the same folder through the symlink \`${g.target}\`.`);
  }
  L.push('- jscodeshift gets exactly the files pushdown scans (pushdown\'s discovery, passed with `--stdin`), so both');
  L.push('  skip the same .gitignore\'d and always-skipped files and the file counts above match.');
  L.push('- jscodeshift is given the transform as compiled (`dist/transforms/length-to-count.js`), with `--no-babel`:');
  L.push('  the file is already JavaScript, and babel-register would only add compile time to every worker (that');
  L.push('  favours jscodeshift). The transform parses each file by extension itself (lib/parse.ts), so one');
  L.push('  invocation with `--parser ts` is right for .ts, .tsx and .js alike.');
  L.push('- jscodeshift\'s worker count is its default, max(cores − 1, 1) child processes; `--silent` is off so its');
  L.push('  summary can be read (its stdout goes to a file).');
  L.push('- jscodeshift runs one rule (length-to-count); pushdown runs every registered rule, dry run, JSON (diffs included).');
  L.push('');
  if (corpora.some((c) => c.checkLines)) {
    L.push('## Checks of pushdown\'s output');
    L.push('');
    for (const c of corpora) {
      if (!c.checkLines) continue;
      L.push(`${c.name}:`);
      L.push('');
      L.push('```');
      for (const l of c.checkLines) L.push(l);
      L.push('```');
      L.push('');
    }
  }
  if (corpora.some((c) => c.stages)) {
    L.push("## Where a first run's time goes (pushdown --jobs 1 --timing)");
    L.push('');
    L.push("pushdown's own stage clock (`--timing`, lib/runner/timing.ts), not a sampling profiler: `start` is node's start and");
    L.push("loading pushdown, `load` loading @babel/traverse, `crawl` the scope crawl (babel's scopes, walked by lib/crawl.ts; taken out of the rule that paid it),");
    L.push('`rule:<id>` a rule\'s own work, `reparse` the parses after a rule edited, `release` taking each tree apart.');
    L.push('');
    for (const c of corpora) {
      if (!c.stages) continue;
      L.push(`### ${c.name} (median of ${c.stages.runs} run(s))`);
      L.push('');
      for (const l of c.stageRows) L.push(l);
      L.push('');
      if (c.floors) {
        L.push(`Each stage alone in a fresh process (bench/floors.mjs, median of ${c.floors.repeat}); alone, a stage does not overlap V8's background compiles with other work, so these can exceed the in-run figures:`);
        L.push('');
        L.push(...floorsLines(c.name, c.floors, c.by.pd1?.wall));
        L.push('');
      }
    }
  }
  if (profiles.length) {
    L.push('## Profiles (pushdown --jobs 1, node --cpu-prof)');
    L.push('');
    L.push('Sampled under the profiler, so times are inflated by about a third; the shares are what counts.');
    L.push('');
    for (const p of profiles) {
      L.push(`### ${p.name}`);
      L.push('');
      L.push('```');
      for (const l of p.lines) L.push(l);
      L.push('```');
      L.push('');
    }
  }
  let notes = '';
  try {
    const old = fs.readFileSync(o.resultsFile, 'utf8');
    const at = old.indexOf(NOTES_MARK);
    if (at !== -1) notes = old.slice(at);
  } catch {}
  if (notes) L.push(notes.trimEnd());
  return L.join('\n') + '\n';
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
