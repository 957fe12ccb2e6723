/**
 * Splits a FileResult's unified diff into its file header and hunks, and finds
 * which edits belong to which hunk, so every reporter labels hunks the same way.
 * It reads the runner's diff; it never computes one.
 */
import type { EditRecord, FileResult } from '../types.js';

export interface Hunk {
  /** The `@@ -a,b +c,d @@` line as the runner wrote it. */
  header: string;
  /** Old-file lines this hunk covers, 1-based and inclusive (context included). */
  oldStart: number;
  oldEnd: number;
  /** The body lines (` `, `-`, `+`, `\ No newline at end of file`), line ends kept as in the diff. */
  lines: string[];
  /** Edits whose original line falls in [oldStart, oldEnd]. */
  edits: EditRecord[];
}

export interface ParsedDiff {
  /** `--- a/…` and `+++ b/…` (and `diff --git` lines when present); no `Index:` / `===` banner. */
  headerLines: string[];
  hunks: Hunk[];
  /** Edits of the file that fall in no hunk (typically withheld review edits). */
  unplaced: EditRecord[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export function parseDiff(diff: string, edits: readonly EditRecord[]): ParsedDiff {
  const headerLines: string[] = [];
  const hunks: Hunk[] = [];
  // A trailing '\n' would otherwise yield an empty last "line".
  const lines = diff.length === 0 ? [] : diff.replace(/\n$/, '').split('\n');
  let current: Hunk | undefined;
  for (const line of lines) {
    const match = HUNK_HEADER.exec(line);
    if (match) {
      const oldStart = Number(match[1]);
      const oldCount = match[2] === undefined ? 1 : Number(match[2]);
      // A pure insertion (count 0) sits after line oldStart: label it with that line.
      const first = Math.max(1, oldStart);
      current = {
        header: line,
        oldStart: first,
        oldEnd: first + Math.max(oldCount, 1) - 1,
        lines: [],
        edits: [],
      };
      hunks.push(current);
    } else if (current) {
      current.lines.push(line);
    } else if (line.startsWith('Index: ') || /^=+$/.test(line)) {
      // jsdiff's banner: not part of a plain unified diff.
    } else {
      headerLines.push(line);
    }
  }
  const unplaced: EditRecord[] = [];
  for (const edit of edits) {
    // Hunks are in line order: a binary search keeps a file with thousands of hunks linear.
    let lo = 0;
    let hi = hunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (hunks[mid]!.oldStart <= edit.line) lo = mid;
      else hi = mid - 1;
    }
    const hunk = hunks[lo];
    if (hunk && edit.line >= hunk.oldStart && edit.line <= hunk.oldEnd) hunk.edits.push(edit);
    else unplaced.push(edit);
  }
  return { headerLines, hunks, unplaced };
}

/**
 * `length-to-count (safe)`, `x (review, withheld)`; distinct labels of a hunk's edits, in order.
 * When the hunk holds several edits, each label says on which original lines: `length-to-count (safe) at 4, 9`.
 */
const MAX_LINES = 10;

export function hunkRuleLabels(edits: readonly EditRecord[]): string[] {
  const lines = new Map<string, Set<number>>();
  for (const edit of edits) {
    const label = edit.applied ? `${edit.rule} (${edit.tier})` : `${edit.rule} (${edit.tier}, withheld)`;
    const at = lines.get(label) ?? new Set<number>();
    at.add(edit.line);
    lines.set(label, at);
  }
  if (edits.length <= 1) return [...lines.keys()];
  const shown = (set: Set<number>) => {
    const at = [...set];
    return at.length <= MAX_LINES ? at.join(', ') : `${at.slice(0, MAX_LINES).join(', ')} and ${at.length - MAX_LINES} more`;
  };
  return [...lines].map(([label, at]) => `${label} at ${shown(at)}`);
}

/** Does a file have anything a reporter must show? */
export function isReportable(file: FileResult): boolean {
  return (
    file.status === 'changed' ||
    file.status === 'parse-error' ||
    file.status === 'error' ||
    file.edits.length > 0 ||
    file.findings.length > 0 ||
    file.writeRefused !== undefined
  );
}
