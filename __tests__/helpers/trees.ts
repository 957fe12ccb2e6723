/** Throwaway source trees for runner tests, and the RunOptions those tests start from. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { RunOptions } from '../../lib/types.js';

/** Makes folders under the system temp dir (removed after the test file): `dir()` empty, `tree(files)` holding the files given. */
export function tempTrees(prefix: string): { dir: () => string; tree: (files: Record<string, string>) => string } {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const dir = () => {
    const root = mkdtempSync(join(tmpdir(), prefix));
    roots.push(root);
    return root;
  };
  const tree = (files: Record<string, string>) => {
    const root = dir();
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      writeFileSync(join(root, rel), text);
    }
    return root;
  };
  return { dir, tree };
}

/** A dry run of `.` in cwd, in-process (jobs 1), over ts, tsx and js files. */
export const runOptions = (cwd: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  paths: ['.'],
  cwd,
  mode: 'dry-run',
  unsafe: false,
  ignore: [],
  extensions: ['ts', 'tsx', 'js'],
  force: false,
  jobs: 1,
  ...extra,
});
