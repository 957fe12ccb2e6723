/**
 * The built CLI is one bundled module (scripts/bundle-cli.mjs): dist/bin/pushdown.js imports
 * dist/lib/runner/cli.bundle.js. What the runner's modules find from their own location must still be
 * found from the bundle's: the worker threads' file, and the package root whose code the result cache's
 * build id hashes. Were either wrong, nothing would fail loudly (the runner runs in-process without a
 * worker file, and a cache keyed on no code answers a rebuilt pushdown with old results), so both are
 * checked here by what a run does.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTrees } from './helpers/trees.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'bin', 'pushdown.js');
const BUNDLE = join(ROOT, 'dist', 'lib', 'runner', 'cli.bundle.js');
const { dir, tree } = tempTrees('pushdown-bundle-');

const APP = `import { prisma } from './db';
export async function n() {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}
`;
const PKG = JSON.stringify({ name: 'app', dependencies: { '@prisma/client': '7' } });

const run = (cli: string, cwd: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

describe('the bundled CLI', () => {
  it('is what the bin runs, and holds every module of pushdown it loads', () => {
    expect(readFileSync(CLI, 'utf8')).toMatch(/^import '\.\.\/lib\/runner\/cli\.bundle\.js';$/m);
    const bundle = readFileSync(BUNDLE, 'utf8');
    const specifiers = [...bundle.matchAll(/(?:^|\n)\s*import\s[^'"]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect(specifiers.length).toBeGreaterThan(3);
    expect(specifiers.filter((s) => s.startsWith('.') || s.startsWith('/'))).toEqual([]);
  });

  it('starts worker threads from the bundle (the worker file is found beside it)', () => {
    const cwd = tree({ 'package.json': PKG, 'src/a.ts': APP, 'src/b.ts': APP, 'src/c.ts': APP, 'src/d.ts': APP });
    const threaded = run(CLI, cwd, ['--format', 'json', '--jobs', '2', '--timing']);
    expect(threaded.status, threaded.stderr).toBe(0);
    expect(threaded.stderr).toContain('summed over 2 worker thread(s)');
    const inProcess = run(CLI, cwd, ['--format', 'json', '--jobs', '1']);
    const files = (r: { stdout: string }) => (JSON.parse(r.stdout) as { files: unknown[] }).files;
    expect(files(threaded)).toEqual(files(inProcess));
    expect(files(threaded)).toHaveLength(4);
  });

  it('keys the result cache on the code of the package it runs from', () => {
    // A copy of the built package, so that its code can be changed.
    const pkg = dir();
    cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), readFileSync(join(ROOT, 'package.json')));
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    const cli = join(pkg, 'dist', 'bin', 'pushdown.js');
    const cwd = tree({ 'package.json': PKG, 'src/a.ts': APP });
    const cache = join(cwd, 'cache.json');
    const parsed = (r: { status: number | null; stdout: string; stderr: string }) => {
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { timing: Record<string, number> }).timing.parse !== undefined;
    };
    const args = ['--format', 'json', '--cache', '--cache-location', cache, '--timing'];
    expect(parsed(run(cli, cwd, args))).toBe(true);
    expect(existsSync(cache)).toBe(true);
    expect(parsed(run(cli, cwd, args)), 'answered from the cache').toBe(false);
    // A rule module rebuilt (tsc's module, which the bundle does not load): the build id must change.
    appendFileSync(join(pkg, 'dist', 'transforms', 'length-to-count.js'), '\n// rebuilt\n');
    expect(parsed(run(cli, cwd, args)), 'a rebuilt pushdown is not answered from the cache').toBe(true);
    expect(parsed(run(cli, cwd, args))).toBe(false);
  });
});
