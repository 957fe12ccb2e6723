/**
 * Every rule's default export is a plain jscodeshift transform: the jscodeshift
 * CLI runs the built rule file and gets the same rewrite pushdown makes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../transforms/index.js';

const repo = join(import.meta.dirname, '..');
const fixtures = join(repo, '__testfixtures__', 'length-to-count', 'prisma');
const work = mkdtempSync(join(tmpdir(), 'pushdown-jscodeshift-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jscodeshift(transform: string, files: string[], extra: string[] = []) {
  return spawnSync(
    process.execPath,
    [join(repo, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js'), '-t', transform, '--parser', 'ts', '--run-in-band', ...extra, ...files],
    { encoding: 'utf8' },
  );
}

describe('rules as jscodeshift transforms', () => {
  it('the jscodeshift CLI applies length-to-count exactly as pushdown does', () => {
    const cases = ['await-length', 'promise-all', 'declined'];
    const files = cases.map((c) => {
      const target = join(work, `${c}.ts`);
      copyFileSync(join(fixtures, `${c}.input.ts`), target);
      return target;
    });
    const res = jscodeshift(join(repo, 'dist', 'transforms', 'length-to-count.js'), files);
    expect(res.status, res.stderr + res.stdout).toBe(0);
    expect(res.stdout).toMatch(/2 ok/);
    expect(res.stdout).toMatch(/1 skipped/); // jscodeshift counts "returned undefined" as skipped
    expect(res.stdout).toMatch(/0 errors/);
    for (const c of ['await-length', 'promise-all']) {
      expect(readFileSync(join(work, `${c}.ts`), 'utf8')).toBe(readFileSync(join(fixtures, `${c}.output.ts`), 'utf8'));
    }
    expect(readFileSync(join(work, 'declined.ts'), 'utf8')).toBe(readFileSync(join(fixtures, 'declined.input.ts'), 'utf8'));
  }, 60_000);

  it('every registered rule has a built transform file with a default export', async () => {
    const built = readdirSync(join(repo, 'dist', 'transforms'));
    for (const rule of rules) {
      expect(built).toContain(`${rule.meta.id}.js`);
      const mod = (await import(join(repo, 'dist', 'transforms', `${rule.meta.id}.js`))) as { default: unknown };
      expect(typeof mod.default).toBe('function');
    }
  });
});
