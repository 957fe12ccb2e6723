#!/usr/bin/env node
/**
 * Where pushdown's time goes: runs `node --cpu-prof <pushdown> <corpus> --format json --jobs 1`
 * (in-process, so one profile holds all the work) and summarizes the .cpuprofile by
 * self time: top functions, top modules (package or dist file), and the main phases.
 *
 *   node bench/profile.mjs [--target <dir>] [--pushdown <dist/bin/pushdown.js>] [--top 25]
 *
 * Also used by `node bench/run.mjs --profile`. Profiles go to bench/.work/prof/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const PROF_DIR = path.join(HERE, '.work', 'prof');

/**
 * The CLI runs as one bundle (scripts/bundle-cli.mjs): esbuild starts each module's code in it with a
 * `// dist/...js` line, so a frame's line in the bundle names the module it came from.
 */
const bundleModules = new Map();
function bundledModule(file, line) {
  let starts = bundleModules.get(file);
  if (!starts) {
    starts = [];
    fs.readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      const m = /^\/\/ (dist\/\S+\.js)$/.exec(text);
      if (m) starts.push([i, m[1]]);
    });
    bundleModules.set(file, starts);
  }
  let found = 'dist/lib/runner/cli.bundle.js';
  for (const [at, mod] of starts) {
    if (at > line) break;
    found = mod;
  }
  return found;
}

function moduleOf(url, line = 0) {
  if (!url) return '(native / vm)';
  let p = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (p.endsWith('/cli.bundle.js') && fs.existsSync(p)) return bundledModule(p, line);
  if (p.startsWith('node:') || !p.includes('/')) return `node:${p.replace(/^node:/, '')}`;
  const nm = p.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = p.slice(nm + '/node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const rel = path.relative(ROOT, p);
  return rel.startsWith('..') ? p : rel.replace(/^bench\/\.work\/dist-snapshot\//, 'dist/');
}

/** A frame's file, or for the CLI bundle the module of it the frame is in. */
const sourceOf = (cf) => (cf.url.endsWith('/cli.bundle.js') ? moduleOf(cf.url, cf.lineNumber) : cf.url);

export function summarize(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnAgg = new Map();
  const modAgg = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    const name = cf.functionName || '(anonymous)';
    const mod = cf.url ? moduleOf(cf.url, cf.lineNumber) : name.startsWith('(') ? name : '(native / vm)';
    const key = `${name}  ${mod}${cf.url ? (cf.url.endsWith('/cli.bundle.js') ? ' (cli.bundle.js:' + (cf.lineNumber + 1) + ')' : ':' + (cf.lineNumber + 1)) : ''}`;
    fnAgg.set(key, (fnAgg.get(key) ?? 0) + us);
    modAgg.set(mod, (modAgg.get(mod) ?? 0) + us);
  }
  // inclusive time of a few phases, by function name anywhere on the stack
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phases = {
    'parse (babel parser)': (cf) => /@babel\/parser/.test(cf.url),
    'traverse (@babel/traverse)': (cf) => /@babel\/traverse/.test(cf.url),
    'recast / ast-types': (cf) => /\/(recast|ast-types)\//.test(cf.url),
    'jscodeshift': (cf) => /\/jscodeshift\//.test(cf.url),
    'discovery (lib/runner/discover)': (cf) => /runner\/discover\.js/.test(sourceOf(cf)),
    'diff (diff package / runner/diff)': (cf) => /\/diff\/|runner\/diff\.js/.test(sourceOf(cf)),
    'schema (lib/orm/prisma/schema / prisma-ast)': (cf) => /orm\/prisma\/schema\.js|prisma-ast|chevrotain/.test(sourceOf(cf)),
    'garbage collection': (cf) => cf.functionName === '(garbage collector)',
  };
  const incl = Object.fromEntries(Object.keys(phases).map((k) => [k, 0]));
  for (const [id, us] of self) {
    const hit = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      for (const [k, test] of Object.entries(phases)) if (!hit.has(k) && test(cf)) hit.add(k);
    }
    for (const k of hit) incl[k] += us;
  }
  // inclusive time per pushdown source file (dist/...): which rule / layer the work is done for
  const own = new Map();
  for (const [id, us] of self) {
    const hit = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, lineNumber } = byId.get(cur).callFrame;
      if (!url || url.includes('/node_modules/')) continue;
      const m = moduleOf(url, lineNumber);
      if (m.startsWith('dist/')) hit.add(m);
    }
    for (const m of hit) own.set(m, (own.get(m) ?? 0) + us);
  }
  const babelBy = new Map();
  for (const [id, us] of self) {
    const lib = /node_modules\/(@babel\/[\w-]+)/.exec(byId.get(id).callFrame.url)?.[1];
    if (!lib) continue;
    let who = '(no pushdown frame)';
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      const m = f.url && !f.url.includes('/node_modules/') ? moduleOf(f.url, f.lineNumber) : '';
      if (m.startsWith('dist/')) {
        who = `${m} ${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`;
        break;
      }
    }
    const k = `${lib} <- ${who}`;
    babelBy.set(k, (babelBy.get(k) ?? 0) + us);
  }
  const pct = (us) => ((100 * us) / total).toFixed(1).padStart(5) + '%';
  const ms = (us) => (us / 1000).toFixed(0).padStart(6) + ' ms';
  const lines = [];
  lines.push(`total sampled: ${(total / 1000).toFixed(0)} ms`);
  lines.push('');
  lines.push('top modules by self time:');
  for (const [m, us] of [...modAgg].sort((a, b) => b[1] - a[1]).slice(0, 15)) lines.push(`  ${ms(us)} ${pct(us)}  ${m}`);
  lines.push('');
  lines.push(`top ${top} functions by self time:`);
  for (const [f, us] of [...fnAgg].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms(us)} ${pct(us)}  ${f}`);
  lines.push('');
  lines.push('inclusive time by phase (a sample counts once per phase on its stack; phases overlap):');
  for (const [k, us] of Object.entries(incl).sort((a, b) => b[1] - a[1])) lines.push(`  ${ms(us)} ${pct(us)}  ${k}`);
  lines.push('');
  lines.push('babel self time by the nearest pushdown function on the stack (who asks for the parsing / traversing):');
  for (const [k, us] of [...babelBy].sort((a, b) => b[1] - a[1]).slice(0, 10)) lines.push(`  ${ms(us)} ${pct(us)}  ${k}`);
  lines.push('');
  lines.push('inclusive time by pushdown file (dist/; nested calls count for every file on the stack):');
  for (const [m, us] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`  ${ms(us)} ${pct(us)}  ${m}`);
  return { total, lines };
}

export async function profilePushdown({ target = 'bench/.corpus', pushdown = path.join(ROOT, 'dist/bin/pushdown.js'), top = 25, log = console.log } = {}) {
  fs.rmSync(PROF_DIR, { recursive: true, force: true });
  fs.mkdirSync(PROF_DIR, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', PROF_DIR, pushdown, target, '--format', 'json', '--jobs', '1'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 2) throw new Error(`pushdown exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const files = fs.readdirSync(PROF_DIR).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error('no .cpuprofile written');
  const profile = JSON.parse(fs.readFileSync(path.join(PROF_DIR, files[0]), 'utf8'));
  const s = summarize(profile, top);
  s.lines.unshift(`profile: ${path.relative(ROOT, path.join(PROF_DIR, files[0]))} (wall ${(wall / 1000).toFixed(1)} s under the profiler)`);
  for (const l of s.lines) log(l);
  return s;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = argv.indexOf(name);
    return i === -1 ? dflt : argv[i + 1];
  };
  const fileArg = opt('--profile-file', null);
  if (fileArg) {
    for (const l of summarize(JSON.parse(fs.readFileSync(fileArg, 'utf8')), Number(opt('--top', 25))).lines) console.log(l);
  } else {
    await profilePushdown({ target: opt('--target', 'bench/.corpus'), pushdown: path.resolve(opt('--pushdown', path.join(ROOT, 'dist/bin/pushdown.js'))), top: Number(opt('--top', 25)) });
  }
}
