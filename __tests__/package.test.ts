/**
 * What `npm pack` would publish: the built CLI, library and rules, the README
 * and package.json; no tests, fixtures, benchmarks or sources. And every
 * package the built code imports is a runtime dependency.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

describe('the published package', () => {
  it('npm pack --dry-run holds dist/, the bin, README and package.json, and no fixtures or tests', () => {
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const [packed] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>;
    const paths = packed!.files.map((f) => f.path);
    expect(paths).toContain('package.json');
    expect(paths).toContain('README.md');
    for (const bin of Object.values(pkg.bin)) expect(paths).toContain(bin.replace(/^\.\//, ''));
    expect(paths).toContain('dist/lib/runner/index.js');
    expect(paths).toContain('dist/lib/runner/worker.js');
    expect(paths).toContain('dist/transforms/index.js');
    expect(paths.filter((p) => /__testfixtures__|__tests__|^test\/|^bench\/|^examples\/|^scripts\/|\.ts$/.test(p) && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths.every((p) => p.startsWith('dist/') || ['package.json', 'README.md', 'docs/review-page.png'].includes(p) || /^LICEN[CS]E/.test(p))).toBe(true);
  }, 120_000);

  it('every package the built code imports is a dependency; jscodeshift is an optional peer', () => {
    const imported = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.js')) {
          const code = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
          for (const m of code.matchAll(/(?:^\s*(?:import|export)\b[^'";]*?\bfrom|\bimport\(|\)\(|\brequire\()\s*'([^'.][^']*)'/gm)) {
            const spec = m[1]!;
            if (spec.startsWith('node:')) continue;
            imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
          }
        }
      }
    };
    for (const dir of ['dist/bin', 'dist/lib', 'dist/transforms']) walk(join(ROOT, dir));
    expect(imported.size).toBeGreaterThan(3);
    expect([...imported].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(pkg.peerDependencies?.jscodeshift).toBeDefined();
    expect(pkg.peerDependenciesMeta?.jscodeshift?.optional).toBe(true);
  });
});
