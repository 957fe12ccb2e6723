/**
 * A baseline: the findings a project has accepted, so CI reports only new
 * ones. One JSON file, sorted, so it diffs well in review:
 *
 *   { "version": 1, "findings": [ { "path", "rule", "fingerprint", "count", "message" } ] }
 *
 * Paths are relative to the baseline file's folder, so the file works from
 * any cwd. A finding is known when its path, rule and fingerprint (the rule
 * plus the whitespace-insensitive code of the load, not its line) match an
 * entry; `count` covers the same code twice in one file. Moving code within a
 * file or reformatting it keeps it known; changing the load makes it new.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { FileResult, FindingRecord } from '../types.js';
import { UsageError } from './errors.js';
import { atomicWrite } from './write.js';

export interface BaselineEntry {
  path: string;
  rule: string;
  fingerprint: string;
  count: number;
  /** The message when the entry was written, for people reading the file; not compared. */
  message?: string;
}

export interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

const keyOf = (path: string, rule: string, fp: string) => `${path}\0${rule}\0${fp}`;

export class Baseline {
  private readonly counts = new Map<string, number>();

  constructor(
    /** Absolute path of the file. */
    readonly file: string,
    readonly entries: BaselineEntry[],
  ) {
    for (const e of entries) this.counts.set(keyOf(e.path, e.rule, e.fingerprint), (this.counts.get(keyOf(e.path, e.rule, e.fingerprint)) ?? 0) + e.count);
  }

  /** Read it; a missing file is an empty baseline (the first --update-baseline creates it). */
  static read(file: string): Baseline {
    if (!existsSync(file)) return new Baseline(file, []);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new UsageError(`cannot read the baseline ${file}: ${(err as Error).message}; fix it or write it again with --update-baseline`);
    }
    const d = data as Partial<BaselineFile>;
    if (d.version !== 1 || !Array.isArray(d.findings)) {
      throw new UsageError(`${file} is not a pushdown baseline (expected {"version": 1, "findings": [...]}); write it with --update-baseline`);
    }
    return new Baseline(
      file,
      d.findings.filter((e): e is BaselineEntry => typeof e?.path === 'string' && typeof e.rule === 'string' && typeof e.fingerprint === 'string'),
    );
  }

  /** A scanned file's path as the baseline spells it. */
  pathOf(absPath: string): string {
    return relative(dirname(this.file), absPath).split(sep).join('/');
  }

  /**
   * The findings of one file the baseline does not know. Of several findings
   * with one fingerprint, the first `count` (in source order) are known.
   */
  newFindings(absPath: string, findings: readonly FindingRecord[]): FindingRecord[] {
    const path = this.pathOf(absPath);
    const used = new Map<string, number>();
    return findings.filter((f) => {
      const k = keyOf(path, f.rule, f.fingerprint);
      const n = (used.get(k) ?? 0) + 1;
      used.set(k, n);
      return n > (this.counts.get(k) ?? 0);
    });
  }

  /**
   * Write the baseline with these files' findings. Entries for files this run
   * did not scan are kept: updating from a subfolder does not forget the rest.
   */
  write(files: readonly FileResult[], findingsOf: (f: FileResult) => readonly FindingRecord[]): number {
    const scanned = new Set(files.map((f) => this.pathOf(f.absPath)));
    const kept = this.entries.filter((e) => !scanned.has(e.path));
    const fresh = new Map<string, BaselineEntry>();
    for (const file of files) {
      const path = this.pathOf(file.absPath);
      for (const f of findingsOf(file)) {
        const k = keyOf(path, f.rule, f.fingerprint);
        const e = fresh.get(k);
        if (e) e.count++;
        else fresh.set(k, { path, rule: f.rule, fingerprint: f.fingerprint, count: 1, message: f.message });
      }
    }
    const all = [...kept, ...fresh.values()].sort(
      (a, b) => cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.fingerprint, b.fingerprint),
    );
    const doc: BaselineFile = { version: 1, findings: all };
    const text = JSON.stringify(doc, null, 2) + '\n';
    if (existsSync(this.file)) atomicWrite(this.file, text);
    else {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, text);
    }
    return all.reduce((n, e) => n + e.count, 0);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
