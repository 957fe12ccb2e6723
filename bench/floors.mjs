#!/usr/bin/env node
/**
 * The floors of a first run (issue 9): what each stage of pushdown's pipeline costs alone, cold, in a
 * fresh process, with pushdown's own code for it (a copy of dist). `npm run bench -- --floors` runs it
 * on every corpus and writes the table to bench/RESULTS-speed.md; by hand:
 *
 *   node bench/floors.mjs --target <tree> [--dist dist] [--repeat 5]
 *
 * Stages, each timed in a process of its own, the stages before it done untimed first:
 *   node       `node -e 0`: the runtime's own start
 *   load       loading the CLI as a run does: `node dist/bin/pushdown.js --version` (the bundle of
 *              pushdown's modules, scripts/bundle-cli.mjs, and the packages it imports), less `node -e 0`
 *   babel      loading @babel/parser and @babel/traverse (with @babel/types), set up as the engine does
 *   discover   the walk: folders listed, .gitignore rules applied
 *   read       reading every discovered file (as the prefilter reads it)
 *   project    the ORM projects: which plugins each file has, hooks, models, schemas
 *   prefilter  the text test that decides which files are parsed
 *   parse      @babel/parser over the files the prefilter passes, one at a time: the first pass (JIT cold)
 *              and a second (warm)
 *   crawl      the scope crawl of each tree (lib/engine.ts programPath: babel's scopes, walked by lib/crawl.ts) after its parse (the first rule that reads bindings pays
 *              it), cold; each tree taken apart after it, as a run does
 *   oxc        not a stage of pushdown: oxc-parser's `parseSync` over the same files, each ESTree and its
 *              comments handed over to JavaScript (JSON.parse of what Rust wrote), cold: the fastest parse
 *              measured on this machine (its raw transfer, Node 22 only, was no faster cold: its deserializer
 *              is JavaScript and warms up). Measured only when the environment names an installed
 *              oxc-parser (PUSHDOWN_BENCH_OXC=<folder of the package>; pushdown does not depend on it)
 *
 * A run also spends time on the rules, re-parses after an edit, diffs and the report (`pushdown
 * --timing` measures those in a run); alone, a stage pays its JIT warm-up with nothing to overlap V8's
 * background compiles, so the stages can add up to more than a whole run. Nothing here asserts on speed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const STAGES = [
  { id: 'node', what: 'node start (`node -e 0`)' },
  { id: 'load', what: 'loading the CLI (`pushdown --version`, less node start)' },
  { id: 'babel', what: 'loading @babel/parser and @babel/traverse (with @babel/types)' },
  { id: 'discover', what: 'discovery (the walk, .gitignore rules)' },
  { id: 'read', what: 'reading every discovered file' },
  { id: 'project', what: 'the ORM projects (plugins per file, hooks, models, schema)' },
  { id: 'prefilter', what: 'the prefilter (a text test per file)' },
  { id: 'parse', what: '@babel/parser over the prefiltered files, cold (first pass)' },
  { id: 'parseWarm', what: 'the same parse, warm (a second pass in the same process)' },
  { id: 'crawl', what: "the scope crawl of those trees (babel's scopes, walked by lib/crawl.ts), cold" },
  { id: 'oxc', what: 'not pushdown: oxc-parser `parseSync` over the same files, ESTree and comments handed over, cold', optional: true },
];

/** The entry module of the oxc-parser PUSHDOWN_BENCH_OXC names; undefined when it names none that is there. */
function oxcEntry() {
  const dir = process.env.PUSHDOWN_BENCH_OXC;
  const entry = dir === undefined ? undefined : path.join(dir, 'src-js', 'index.js');
  return entry !== undefined && fs.existsSync(entry) ? entry : undefined;
}

/** The stages before any parse: a run pays all of them whatever parser it uses. */
const BEFORE_PARSE = ['node', 'load', 'discover', 'read', 'project', 'prefilter'];

/** One stage in this process; returns { [stage]: ms, files } (parse gives parse and parseWarm). */
async function runStage(stage, target, dist) {
  const at = (p) => pathToFileURL(path.join(dist, p)).href;
  const runner = await import(at('lib/runner/index.js'));
  // babel, loaded and set up as the engine does on the first file (lib/engine.ts babel()): timed in its own stage, untimed before parse and crawl.
  const engine = await import(at('lib/engine.js'));
  const { parseSource } = await import(at('lib/parse.js'));
  const loadBabel = () => {
    const t0 = performance.now();
    engine.programPath(parseSource('let a = 1;', 'babel.ts'));
    return performance.now() - t0;
  };
  if (stage === 'babel') return { babel: loadBabel() };
  const { discoverFiles } = await import(at('lib/runner/discover.js'));
  const { ProjectFacts } = await import(at('lib/runner/project.js'));
  const { prefilterFor } = await import(at('lib/orm/core/registry.js'));
  const timeIt = (fn) => {
    const t0 = performance.now();
    const value = fn();
    return { value, ms: performance.now() - t0 };
  };
  const discovered = timeIt(() => discoverFiles({ cwd: target, paths: ['.'], ignore: [], extensions: runner.DEFAULT_EXTENSIONS }));
  if (stage === 'discover') return { discover: discovered.ms, files: discovered.value.length };
  const files = discovered.value;
  const { readLatin1 } = await import(at('lib/runner/read-text.js'));
  const read = timeIt(() => files.map((f) => readLatin1(f)));
  if (stage === 'read') return { read: read.ms, files: files.length };
  const texts = read.value;
  const project = await ProjectFacts.create(target, undefined, undefined);
  const facts = timeIt(() => {
    const active = files.map((f, i) => {
      project.observe(texts[i], path.relative(target, f));
      return project.forFile(f);
    });
    project.runData();
    return active;
  });
  if (stage === 'project') return { project: facts.ms, files: files.length };
  const passed = timeIt(() => files.filter((f, i) => facts.value[i].orms.length > 0 && prefilterFor(facts.value[i].orms).test(texts[i])));
  if (stage === 'prefilter') return { prefilter: passed.ms, files: passed.value.length };
  loadBabel();
  const sources = passed.value.map((f) => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  // One file at a time, as a run goes (a tree held past its file would make the collector's work the measure).
  const parseEach = () => {
    let ms = 0;
    let parsed = 0;
    for (let i = 0; i < sources.length; i++) {
      const t0 = performance.now();
      try {
        parseSource(sources[i], passed.value[i]);
        parsed++;
      } catch {
        /* a file that does not parse costs what it cost */
      }
      ms += performance.now() - t0;
    }
    return { ms, parsed };
  };
  if (stage === 'parse') {
    const cold = parseEach();
    const warm = parseEach();
    return { parse: cold.ms, parseWarm: warm.ms, files: cold.parsed };
  }
  if (stage === 'oxc') {
    const oxc = await import(pathToFileURL(oxcEntry()).href);
    let ms = 0;
    let parsed = 0;
    for (let i = 0; i < sources.length; i++) {
      const file = passed.value[i];
      const t0 = performance.now();
      const r = oxc.parseSync(file, sources[i], { sourceType: 'module', preserveParens: true });
      // The getters hand the tree over (JSON.parse of what Rust wrote): without reading them nothing is deserialized.
      const ok = r.program.body !== undefined && Array.isArray(r.comments) && r.errors.length === 0;
      ms += performance.now() - t0;
      if (ok) parsed++;
    }
    return { oxc: ms, files: parsed };
  }
  if (stage === 'crawl') {
    const { programPath, takeApart } = engine;
    let ms = 0;
    let crawled = 0;
    for (let i = 0; i < sources.length; i++) {
      let tree;
      try {
        tree = parseSource(sources[i], passed.value[i]);
      } catch {
        continue;
      }
      const t0 = performance.now();
      programPath(tree);
      ms += performance.now() - t0;
      crawled++;
      takeApart(tree);
    }
    return { crawl: ms, files: crawled };
  }
  throw new Error(`unknown stage ${stage}`);
}

/** Every stage, `repeat` rounds, each stage in a fresh process, stages interleaved within a round. Medians in ms. */
export function measureFloors({ target, dist, repeat = 3, log = () => {} }) {
  const withOxc = oxcEntry() !== undefined;
  const stages = STAGES.filter((s) => !s.optional || withOxc);
  const runs = Object.fromEntries(stages.map((s) => [s.id, []]));
  const files = {};
  for (let round = 1; round <= repeat; round++) {
    const spawnMs = (args) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
      return performance.now() - t0;
    };
    const node = spawnMs(['-e', '0']);
    runs.node.push(node);
    runs.load.push(Math.max(0, spawnMs([path.join(dist, 'bin', 'pushdown.js'), '--version']) - node));
    for (const stage of ['babel', 'discover', 'read', 'project', 'prefilter', 'parse', 'crawl', ...(withOxc ? ['oxc'] : [])]) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--stage', stage, '--target', target, '--dist', dist], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`floors: stage ${stage} failed:\n${child.stderr.slice(0, 2000)}`);
      const out = JSON.parse(child.stdout);
      for (const [k, v] of Object.entries(out)) {
        if (k === 'files') files[stage] = v;
        else runs[k].push(v);
      }
    }
    log(`  floors round ${round}/${repeat}: ${stages.map((s) => `${s.id} ${Math.round(runs[s.id][runs[s.id].length - 1])}`).join(', ')} ms`);
  }
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  return { medians: Object.fromEntries(stages.map((s) => [s.id, median(runs[s.id])])), runs, files, repeat };
}

/** Markdown lines for one corpus: the table, the sum, and what a first run spends beyond it. */
export function floorsLines(name, floors, firstRunMs) {
  const m = floors.medians;
  const L = [];
  L.push(`| stage (${name}) | median | runs (ms) |`);
  L.push('|---|---:|---|');
  for (const s of STAGES.filter((x) => m[x.id] !== undefined)) {
    const n = s.id === 'discover' || s.id === 'read' ? floors.files.discover : s.id === 'prefilter' ? floors.files.prefilter : s.id.startsWith('parse') ? floors.files.parse : s.id === 'crawl' || s.id === 'oxc' ? floors.files[s.id] : undefined;
    L.push(`| ${s.what}${n !== undefined ? ` (${n} files)` : ''} | ${Math.round(m[s.id])} ms | ${floors.runs[s.id].map((x) => Math.round(x)).join(' / ')} |`);
  }
  const sumOf = (ids) => ids.reduce((a, k) => a + m[k], 0);
  const sum = sumOf([...BEFORE_PARSE, 'babel', 'parse', 'crawl']);
  L.push('');
  L.push(`Sum of pushdown's cold stages (all but the warm parse): ${Math.round(sum)} ms.`);
  L.push(`Before any parse (node, load, discovery, reading, ORM projects, prefilter): ${Math.round(sumOf(BEFORE_PARSE))} ms.`);
  if (m.oxc !== undefined) {
    L.push(`The same with oxc-parser's parse in place of babel's, and no analysis at all (no scopes, no rules, no report): ${Math.round(sumOf([...BEFORE_PARSE, 'oxc']))} ms.`);
  }
  if (firstRunMs !== undefined) {
    L.push(`pushdown --jobs 1, median wall of the same bench: ${Math.round(firstRunMs)} ms, rules, re-parses and the report included. Alone, a stage pays its JIT warm-up with nothing to overlap V8's background compiles, so the stages can add up to more than a run.`);
  }
  return L;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i === -1 ? fallback : args[i + 1];
  };
  const target = path.resolve(opt('--target', '.'));
  const dist = path.resolve(opt('--dist', path.join(HERE, '..', 'dist')));
  const stage = opt('--stage');
  if (stage !== undefined) {
    process.stdout.write(JSON.stringify(await runStage(stage, target, dist)));
  } else {
    const floors = measureFloors({ target, dist, repeat: Number(opt('--repeat', '3')), log: console.log });
    console.log(floorsLines(path.basename(target), floors).join('\n'));
  }
}
