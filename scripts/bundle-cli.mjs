#!/usr/bin/env node
/**
 * `npm run build`'s second step: the CLI's own modules (bin/, lib/, transforms/, as tsc wrote them to dist/)
 * bundled into one ES module, so that a run loads one file instead of ~130. Node's ES module loader
 * resolves, reads, compiles and links each module apart: on this machine that was ~55 ms of every run
 * (a one-file run 0.22 -> 0.17 s, medians of 8). Packages (babel, yargs, diff, ...) stay external and are
 * loaded from node_modules as before; the worker threads (dist/lib/runner/worker.js) and every other
 * entry point (the jscodeshift transforms, the library) keep tsc's unbundled modules.
 *
 * The bundle sits in dist/lib/runner/, where the runner's own modules are: the paths they take from
 * `import.meta.url` (the worker file beside them, the package root two folders up for the cache's build
 * id) then name the same files from the bundle as from tsc's modules. dist/bin/pushdown.js, the `bin` of
 * package.json, becomes a two-line file that imports it.
 */
import { build } from 'esbuild';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/bin/pushdown.js');
const bundle = join(root, 'dist/lib/runner/cli.bundle.js');

const source = readFileSync(entry, 'utf8');
if (source.includes('cli.bundle.js')) throw new Error(`${entry} is already the stub: run tsc first (npm run build)`);

const result = await build({
  entryPoints: [entry],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  metafile: true,
});
// Every dynamic import of pushdown's own modules must be inside the bundle: one left outside would load a
// second copy of the modules it imports (and of their state) beside the bundle's.
const external = Object.values(result.metafile.outputs)
  .flatMap((o) => o.imports)
  .filter((i) => i.external && (i.path.startsWith('.') || i.path.startsWith('/')));
if (external.length > 0) throw new Error(`the CLI bundle imports pushdown modules from outside it: ${external.map((i) => i.path).join(', ')}`);

writeFileSync(entry, "#!/usr/bin/env node\n// The CLI, bundled by scripts/bundle-cli.mjs (npm run build); its sources are bin/pushdown.ts and what it imports.\nimport '../lib/runner/cli.bundle.js';\n");
chmodSync(entry, 0o755);
