#!/usr/bin/env node
/**
 * Does pushdown's walk of babel's Program crawl (lib/crawl.ts) leave what babel's own crawl leaves, on a real
 * tree? __tests__/crawl.test.ts asks this of the fixtures and examples; this asks it of any tree (a fetched
 * monorepo, after a babel upgrade): every source file pushdown would scan is parsed twice, crawled once by
 * each, and the two dumps of its scopes (lib/crawl.ts scopeDump) are compared.
 *
 *   npm run build && node bench/crawl-same.mjs <tree> [<tree> ...] [--dist dist]
 *
 * Prints the files compared, those that do not parse (skipped), and each file whose dumps differ with its
 * first differing line; exits 1 when any differs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const distAt = args.indexOf('--dist');
const dist = path.resolve(distAt === -1 ? path.join(ROOT, 'dist') : args[distAt + 1]);
const trees = args.filter((_, i) => distAt === -1 || (i !== distAt && i !== distAt + 1));
if (trees.length === 0) {
  console.error('usage: node bench/crawl-same.mjs <tree> [<tree> ...] [--dist dist]');
  process.exit(2);
}
const at = (p) => pathToFileURL(path.join(dist, p)).href;
const { discoverFiles, DEFAULT_EXTENSIONS } = await import(at('lib/runner/discover.js'));
const { parseSource } = await import(at('lib/parse.js'));
const { programPath, takeApart } = await import(at('lib/engine.js'));
const { crawlInstalled, scopeDump, withBabelCrawl } = await import(at('lib/crawl.js'));

programPath(parseSource('let a;', 'set-up.ts'));
if (!crawlInstalled()) {
  console.error('pushdown kept babel’s own crawl here (another @babel/traverse version?): nothing to compare');
  process.exit(1);
}
let compared = 0;
let unparsable = 0;
let differ = 0;
for (const tree of trees) {
  const files = discoverFiles({ cwd: path.resolve(tree), paths: ['.'], ignore: [], extensions: DEFAULT_EXTENSIONS });
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    let a;
    let b;
    try {
      a = parseSource(source, file);
      b = parseSource(source, file);
    } catch {
      unparsable++;
      continue;
    }
    const babel = scopeDump(a.program, withBabelCrawl(() => programPath(a)));
    const pushdown = scopeDump(b.program, programPath(b));
    compared++;
    const i = babel.findIndex((line, k) => line !== pushdown[k]);
    if (i !== -1 || babel.length !== pushdown.length) {
      differ++;
      const k = i === -1 ? Math.min(babel.length, pushdown.length) : i;
      console.log(`DIFFERS ${path.relative(process.cwd(), file)}\n  babel:    ${babel[k]}\n  pushdown: ${pushdown[k]}`);
    }
    takeApart(a);
    takeApart(b);
  }
}
console.log(`${compared} file(s) compared, ${differ} differ; ${unparsable} do not parse (skipped)`);
process.exit(differ > 0 ? 1 : 0);
