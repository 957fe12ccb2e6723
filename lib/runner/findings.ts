/**
 * Which findings a run reports. The engine has already dropped what a
 * `pushdown-ignore` comment silenced; here, in order:
 *
 * 1. findings in test files are withheld unless includeTests (their edits stay:
 *    a rewrite in a test is as right as anywhere);
 * 2. hints (rows scoped to one parent) are withheld unless asked for;
 * 3. with updateBaseline, what is left is written to the baseline, and none of
 *    it is new; with a baseline, only findings it does not know are reported.
 *
 * Each file records what was withheld, by why; the totals sum it.
 */
import { resolve } from 'node:path';
import type Picomatch from 'picomatch';
import type { FileResult, RunOptions, Withheld } from '../types.js';
import { Baseline } from './baseline.js';
import { commonjs } from '../require.js';

const picomatch = commonjs.require('picomatch') as typeof Picomatch;

/** Test code, by the conventions of the common test runners. */
export const TEST_FILE_GLOBS = [
  '**/*.spec.*',
  '**/*.test.*',
  '**/*.e2e.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/e2e/**',
  '**/playwright/**',
  '**/cypress/**',
  '**/test/**',
  '**/tests/**',
];

export function emptyWithheld(): Withheld {
  return { suppressed: 0, baselined: 0, inTestFiles: 0, hints: 0 };
}

export function isTestFileMatcher(globs: readonly string[] | undefined): (relPath: string) => boolean {
  const m = picomatch([...(globs ?? TEST_FILE_GLOBS)], { dot: true });
  return (relPath) => m(relPath);
}

/** Applies the policy above to every file, in place. Returns the number of entries written to the baseline, if it was. */
export function selectFindings(results: FileResult[], opts: RunOptions): { baselineWritten?: number } {
  const isTest = isTestFileMatcher(opts.testFiles);
  for (const r of results) {
    const withheld = emptyWithheld();
    withheld.suppressed = r.withheld?.suppressed ?? 0;
    if (isTest(r.path)) {
      r.testFile = true;
      if (!opts.includeTests) {
        withheld.inTestFiles = r.findings.length;
        r.findings = [];
      }
    }
    if (!opts.hints) {
      const kept = r.findings.filter((f) => f.severity !== 'hint');
      withheld.hints = r.findings.length - kept.length;
      r.findings = kept;
    }
    r.withheld = withheld;
  }
  if (opts.baseline === undefined) return {};
  const baseline = Baseline.read(resolve(opts.cwd, opts.baseline));
  let baselineWritten: number | undefined;
  if (opts.updateBaseline) baselineWritten = baseline.write(results, (f) => f.findings);
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const fresh = opts.updateBaseline ? [] : baseline.newFindings(r.absPath, r.findings);
    (r.withheld ??= emptyWithheld()).baselined = r.findings.length - fresh.length;
    r.findings = fresh;
  }
  return { baselineWritten };
}
