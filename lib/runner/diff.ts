/**
 * Unified diffs that `git apply` accepts: `--- a/path`, `+++ b/path`, hunks
 * with 3 lines of context.
 *
 * The engine knows where every edit is, so the diff does not search for
 * changes: each batch of splices marks the lines it touched, the batches are
 * composed into runs of lines that stayed equal, and only the lines between
 * two runs (an edit's own lines, a few at most) are compared, by jsdiff. The
 * cost grows with the file, not with the file times its edits (a 5 MB file
 * with 47,000 edits: `npm run bench:diff`). Without splices, jsdiff diffs the
 * whole text.
 */
// The two modules used, not the package index (which loads all 21 of its modules).
import { diffArrays } from 'diff/lib/diff/array.js';
import { structuredPatch } from 'diff/lib/patch/create.js';

/** Replace text[start, end) with `text`, offsets in the text the batch was applied to. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

const CONTEXT = 3;
/** Above this many differing lines between two equal runs, jsdiff is not asked to align them. */
const MAX_GAP_EDITS = 200;

/** Old lines [old, old + length) are the new lines [new, new + length), 0-based. */
interface Run {
  old: number;
  new: number;
  length: number;
}

/**
 * `batches`: the splices that turned `before` into `after`, batch by batch,
 * each sorted and applied to the text the previous ones produced (inserted
 * text exactly as it went into the file). A leading BOM may be in before and
 * after but not in the batches' texts: it sits inside line 1 either way.
 */
export function unifiedDiff(relPath: string, before: string, after: string, batches?: readonly (readonly Splice[])[]): string {
  if (before === after) return '';
  return (batches && diffFromSplices(relPath, before, after, batches)) ?? jsdiffPatch(relPath, before, after);
}

/** The diff read from the splices; undefined when they do not describe before -> after (then jsdiff decides). */
export function diffFromSplices(relPath: string, before: string, after: string, batches: readonly (readonly Splice[])[]): string | undefined {
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const runs = composeBatches(before.charCodeAt(0) === 0xfeff ? before.slice(1) : before, batches);
  return runsFit(runs, oldLines, newLines) ? render(relPath, oldLines, newLines, runs) : undefined;
}

/** Lines with their terminator, so `x` and `x\n` differ; `\r` stays in the line, as jsdiff keeps it. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let at = 0;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl + 1;
    lines.push(text.slice(at, end));
    at = end;
  }
  return lines;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based line holding offset (an offset at a line's start belongs to that line). */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** The equal runs of one batch: every line no splice touched, old position to new. */
function batchRuns(text: string, batch: readonly Splice[]): { runs: Run[]; next: string } {
  const starts = lineStarts(text);
  const lineCount = countLines(text);
  const lineEnd = (line: number) => (line + 1 < starts.length ? starts[line + 1]! : text.length);
  const runs: Run[] = [];
  let next = '';
  let copied = 0; // text copied to `next` up to here
  let oldLine = 0; // first old line not yet accounted for
  let newLine = 0;
  let i = 0;
  while (i < batch.length) {
    // A region: whole lines, from the first splice's line to the last line any overlapping splice touches.
    const first = lineOf(starts, batch[i]!.start);
    let last = lineOf(starts, Math.max(batch[i]!.start, batch[i]!.end - 1));
    let j = i + 1;
    let region: string;
    for (;;) {
      while (j < batch.length && lineOf(starts, batch[j]!.start) <= last) {
        last = Math.max(last, lineOf(starts, Math.max(batch[j]!.start, batch[j]!.end - 1)));
        j++;
      }
      region = text.slice(starts[first], batch[i]!.start);
      for (let k = i; k < j; k++) {
        region += batch[k]!.text + text.slice(batch[k]!.end, k + 1 < j ? batch[k + 1]!.start : lineEnd(last));
      }
      // New text that does not end a line joins the next one: that line is part of the region too.
      if (region === '' || region.endsWith('\n') || lineEnd(last) >= text.length) break;
      last++;
    }
    if (first > oldLine) runs.push({ old: oldLine, new: newLine, length: first - oldLine });
    newLine += first - oldLine;
    next += text.slice(copied, starts[first]) + region;
    copied = lineEnd(last);
    oldLine = Math.min(last + 1, lineCount);
    newLine += countLines(region);
    i = j;
  }
  if (lineCount > oldLine) runs.push({ old: oldLine, new: newLine, length: lineCount - oldLine });
  next += text.slice(copied);
  return { runs, next };
}

/** Runs A (text0 -> text1) then B (text1 -> text2) as runs text0 -> text2. */
function compose(a: readonly Run[], b: readonly Run[]): Run[] {
  const out: Run[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ra = a[i]!;
    const rb = b[j]!;
    const from = Math.max(ra.new, rb.old);
    const to = Math.min(ra.new + ra.length, rb.old + rb.length);
    if (from < to) out.push({ old: ra.old + (from - ra.new), new: rb.new + (from - rb.old), length: to - from });
    if (ra.new + ra.length <= rb.old + rb.length) i++;
    else j++;
  }
  return out;
}

function composeBatches(source: string, batches: readonly (readonly Splice[])[]): Run[] {
  let text = source;
  let runs: Run[] = [{ old: 0, new: 0, length: countLines(source) }];
  for (const batch of batches) {
    if (batch.length === 0) continue;
    const step = batchRuns(text, batch);
    runs = compose(runs, step.runs);
    text = step.next;
  }
  return runs;
}

/** A cheap guard: the runs must name lines that exist and are equal (else jsdiff decides). */
function runsFit(runs: readonly Run[], oldLines: readonly string[], newLines: readonly string[]): boolean {
  let old = 0;
  let nw = 0;
  for (const r of runs) {
    if (r.old < old || r.new < nw || r.old + r.length > oldLines.length || r.new + r.length > newLines.length) return false;
    for (let k = 0; k < r.length; k++) if (oldLines[r.old + k] !== newLines[r.new + k]) return false;
    old = r.old + r.length;
    nw = r.new + r.length;
  }
  return true;
}

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
  oldIndex: number;
  newIndex: number;
}

/** The whole file as ' ', '-', '+' lines: equal runs as they are, the gaps between them diffed by jsdiff. */
function operations(oldLines: readonly string[], newLines: readonly string[], runs: readonly Run[]): Op[] {
  const ops: Op[] = [];
  let o = 0;
  let n = 0;
  const gap = (oEnd: number, nEnd: number) => {
    if (o === oEnd && n === nEnd) return;
    // Bounded: a gap of many adjacent edits has next to no lines in common, and
    // then jsdiff's answer is what this gives anyway: the old lines, then the new.
    const parts = diffArrays(oldLines.slice(o, oEnd), newLines.slice(n, nEnd), { maxEditLength: MAX_GAP_EDITS }) ?? [
      { value: oldLines.slice(o, oEnd), removed: true, added: false, count: oEnd - o },
      { value: newLines.slice(n, nEnd), removed: false, added: true, count: nEnd - n },
    ];
    for (const part of parts) {
      for (const line of part.value) {
        if (part.added) ops.push({ kind: '+', line, oldIndex: o, newIndex: n++ });
        else if (part.removed) ops.push({ kind: '-', line, oldIndex: o++, newIndex: n });
        else ops.push({ kind: ' ', line, oldIndex: o++, newIndex: n++ });
      }
    }
  };
  for (const r of runs) {
    gap(r.old, r.new);
    for (let k = 0; k < r.length; k++) ops.push({ kind: ' ', line: oldLines[o]!, oldIndex: o++, newIndex: n++ });
  }
  gap(oldLines.length, newLines.length);
  return ops;
}

function render(relPath: string, oldLines: readonly string[], newLines: readonly string[], runs: readonly Run[]): string {
  const ops = operations(oldLines, newLines, runs);
  let out = `--- a/${relPath}\n+++ b/${relPath}\n`;
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i]!.kind === ' ') i++;
    if (i >= ops.length) break;
    // A hunk: CONTEXT lines before its first change; changes stay in one hunk while at most 2 * CONTEXT equal lines part them.
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let k = end;
      while (k < ops.length && ops[k]!.kind === ' ') k++;
      if (k < ops.length && k - end <= 2 * CONTEXT) end = k;
      else {
        end = Math.min(k, end + CONTEXT);
        break;
      }
    }
    const body = ops.slice(start, end);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    out += `@@ -${range(body[0]!.oldIndex + 1, oldCount)} +${range(body[0]!.newIndex + 1, newCount)} @@\n`;
    for (const op of body) {
      out += `${op.kind}${op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line}\n`;
      if (!op.line.endsWith('\n')) out += '\\ No newline at end of file\n';
    }
    i = end;
  }
  return out;
}

/** The whole-text diff, for callers that do not know where the edits are. */
function jsdiffPatch(relPath: string, before: string, after: string): string {
  const patch = structuredPatch(`a/${relPath}`, `b/${relPath}`, before, after, '', '', { context: CONTEXT });
  let out = `--- a/${relPath}\n+++ b/${relPath}\n`;
  for (const h of patch.hunks) {
    out += `@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@\n`;
    for (const line of h.lines) out += line + '\n';
  }
  return out;
}

function range(start: number, lines: number): string {
  // An empty range names the line before it, as diff(1) and git do (jsdiff gives the line after).
  if (lines === 0) return `${Math.max(0, start - 1)},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}
