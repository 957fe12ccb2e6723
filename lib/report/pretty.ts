/**
 * The human report: each changed file's diff with every hunk labelled by the
 * rule and tier that made it, withheld review edits, findings, per-file errors,
 * refused writes, then a summary. Colour is decided by the caller (TTY,
 * NO_COLOR, FORCE_COLOR) and passed in; this function only builds a string.
 */
import type Picocolors from 'picocolors';
import type { EditRecord, FileResult, Mode, RunResult, Tier, Totals, Withheld } from '../types.js';
import { parseDiff } from './hunks.js';
import { commonjs } from '../require.js';

const picocolors = commonjs.require('picocolors') as typeof Picocolors;

type Colors = ReturnType<typeof picocolors.createColors>;

export interface PrettyOptions {
  color: boolean;
  mode: Mode;
  unsafe: boolean;
}

export const DRY_RUN_HINT =
  'dry run: nothing written; rerun with --write (safe edits) or --write --unsafe (also review edits)';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function location(path: string, line?: number, column?: number): string {
  if (line === undefined) return path;
  return column === undefined ? `${path}:${line}` : `${path}:${line}:${column}`;
}

function tierColour(c: Colors, tier: Tier): (s: string) => string {
  if (tier === 'safe') return c.green;
  if (tier === 'review') return c.yellow;
  return c.magenta;
}

function editLabel(c: Colors, edit: EditRecord, opts: PrettyOptions): string {
  let tier: string = edit.tier;
  if (!edit.applied) tier += ', withheld';
  // Shown in a preview, but a plain --write would not apply it.
  else if (edit.tier === 'review' && opts.mode !== 'write' && !opts.unsafe) tier += ', applied only with --unsafe';
  return `${c.bold(edit.rule)} ${tierColour(c, edit.tier)(`(${tier})`)}`;
}

function diffLine(c: Colors, line: string): string {
  if (line.startsWith('+')) return c.green(line);
  if (line.startsWith('-')) return c.red(line);
  if (line.startsWith('\\')) return c.dim(line);
  return line;
}

function renderFileDiff(c: Colors, file: FileResult, opts: PrettyOptions): string[] {
  const out: string[] = [];
  let heading = c.bold(c.underline(file.path));
  if (opts.mode === 'write') {
    if (file.written) heading += ` ${c.green('written')}`;
    // The reason is given once, with the other refusals, below the diffs.
    else if (file.writeRefused !== undefined) heading += ` ${c.red('not written')}`;
  }
  out.push(heading);
  const parsed = parseDiff(file.diff, file.edits);
  for (const line of parsed.headerLines) out.push(c.bold(line));
  for (const hunk of parsed.hunks) {
    // Several edits in one hunk: each says which line it is on.
    const several = hunk.edits.length > 1;
    for (const edit of hunk.edits) out.push(`  ${several ? c.dim(`line ${edit.line}: `) : ''}${editLabel(c, edit, opts)}: ${edit.message}`);
    out.push(c.cyan(hunk.header));
    for (const line of hunk.lines) out.push(diffLine(c, line));
  }
  return out;
}

/** Edits that no hunk shows: withheld review edits, or a file with no diff. */
function unplacedEdits(file: FileResult): EditRecord[] {
  if (file.diff === '') return file.edits;
  return parseDiff(file.diff, file.edits).unplaced;
}

function renderSummary(c: Colors, result: RunResult, opts: PrettyOptions): string[] {
  const t: Totals = result.totals;
  const out: string[] = [];
  const counts = [
    `${plural(t.filesScanned, 'file')} scanned`,
    result.filesFromCache ? `${t.filesParsed} parsed (${result.filesFromCache} of them answered from the cache)` : `${t.filesParsed} parsed`,
    `${t.filesChanged} ${opts.mode === 'write' ? 'changed' : 'to change'}`,
  ];
  if (opts.mode === 'write') counts.push(`${t.filesWritten} written`);
  if (t.filesFailed > 0) counts.push(c.red(`${t.filesFailed} failed`));
  out.push(counts.join(', '));

  const withheldByRule = new Map<string, number>();
  for (const file of result.files) {
    for (const edit of file.edits) {
      if (!edit.applied) withheldByRule.set(edit.rule, (withheldByRule.get(edit.rule) ?? 0) + 1);
    }
  }
  const ruleIds = Object.keys(t.editsByRule).sort();
  if (ruleIds.length === 0) {
    out.push('edits: none');
  } else {
    out.push(`edits: ${t.edits}`);
    for (const id of ruleIds) {
      const { safe, review } = t.editsByRule[id]!;
      const withheld = withheldByRule.get(id) ?? 0;
      const parts = [c.green(`${safe} safe`), c.yellow(`${review} review`)];
      if (withheld > 0) parts.push(`${withheld} withheld`);
      out.push(`  ${id}: ${parts.join(', ')}`);
    }
  }
  const findingIds = Object.keys(t.findingsByRule).sort();
  out.push(`findings: ${t.findings === 0 ? 'none' : t.findings}`);
  for (const id of findingIds) out.push(`  ${id}: ${c.magenta(String(t.findingsByRule[id]))}`);
  const notReported = withheldSummary(t.withheld);
  if (notReported) out.push(c.dim(`not reported: ${notReported}`));
  if (result.baselineWritten !== undefined) out.push(`baseline written: ${plural(result.baselineWritten, 'finding')}`);
  out.push(c.dim(`done in ${formatElapsed(t.elapsedMs)}`));

  const withheld = [...withheldByRule.values()].reduce((a, b) => a + b, 0);
  const refused = result.files.filter((f) => f.writeRefused !== undefined).length;
  if (opts.mode === 'dry-run') {
    out.push(c.dim(DRY_RUN_HINT));
  } else if (opts.mode === 'check') {
    const pending = t.edits + t.findings;
    out.push(pending === 0 ? c.green('check: nothing to rewrite') : c.red(`check: ${plural(t.edits, 'edit')} and ${plural(t.findings, 'finding')} reported${checkAdvice(result)}`));
  } else {
    if (withheld > 0) {
      out.push(c.yellow(`${plural(withheld, 'review edit')} withheld; rerun with --write --unsafe to apply them too`));
    }
    if (refused > 0) {
      out.push(c.red(`${plural(refused, 'file')} not written; commit or stash the changes, or rerun with --force`));
    }
  }
  return out;
}

/** `3 suppressed by comments, 12 in the baseline, 10 in test files (--include-tests), 5 hints (--hints)`, or '' when nothing was withheld. */
function withheldSummary(w: Withheld): string {
  const parts: string[] = [];
  if (w.suppressed > 0) parts.push(`${w.suppressed} suppressed by pushdown-ignore comments`);
  if (w.baselined > 0) parts.push(`${w.baselined} in the baseline`);
  if (w.inTestFiles > 0) parts.push(`${plural(w.inTestFiles, 'finding')} in test files`);
  if (w.hints > 0) parts.push(plural(w.hints, 'hint'));
  return parts.join(', ');
}

/** What would clear a --check: --write for safe edits, --unsafe for review ones, a person for findings. */
export function checkAdvice(result: RunResult): string {
  const edits = result.files.flatMap((f) => f.edits);
  const safe = edits.filter((e) => e.tier === 'safe').length;
  const review = edits.length - safe;
  const advice: string[] = [];
  if (safe > 0 && review > 0) advice.push('rerun with --write to apply the safe edits, --write --unsafe to apply the review edits too');
  else if (safe > 0) advice.push('rerun with --write to apply them');
  else if (review > 0) advice.push(`rerun with --write --unsafe to apply ${review === 1 ? 'the review edit' : 'the review edits'} (check each first)`);
  if (result.totals.findings > 0) advice.push(`${result.totals.findings === 1 ? 'the finding needs' : 'findings need'} a manual fix (see each message)`);
  return advice.length > 0 ? `; ${advice.join('; ')}` : '';
}

export function renderPretty(result: RunResult, opts: PrettyOptions): string {
  const c = picocolors.createColors(opts.color);
  const blocks: string[][] = [];

  for (const file of result.files) {
    if (file.diff !== '') blocks.push(renderFileDiff(c, file, opts));
  }

  const withheld: string[] = [];
  for (const file of result.files) {
    for (const edit of unplacedEdits(file)) {
      const note = edit.applied ? '' : c.dim(' (apply with --write --unsafe)');
      withheld.push(`${location(file.path, edit.line, edit.column)}  ${editLabel(c, edit, opts)}  ${edit.message}${note}`);
    }
  }
  if (withheld.length > 0) blocks.push(withheld);

  const findings: string[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      const label = f.severity === 'hint' ? c.dim(`${f.rule} (hint)`) : c.magenta(f.rule);
      findings.push(`${location(file.path, f.line, f.column)}  ${label}  ${f.message}${f.suggestion ? ` Fix: ${f.suggestion}` : ''}`);
    }
  }
  if (findings.length > 0) blocks.push(findings);

  const failures: string[] = [];
  for (const file of result.files) {
    if (file.status !== 'parse-error' && file.status !== 'error') continue;
    const where = location(file.path, file.error?.line, file.error?.column);
    const message = file.error?.message ?? (file.status === 'parse-error' ? 'could not be parsed' : 'failed');
    failures.push(`${where}  ${c.red('error')}  ${message}`);
    failures.push(c.dim(`  to skip this file: --ignore ${file.path}`));
  }
  if (failures.length > 0) blocks.push(failures);

  const refusals: string[] = [];
  for (const file of result.files) {
    if (file.writeRefused === undefined) continue;
    refusals.push(`${file.path}  ${c.red('not written')}  ${file.writeRefused}`);
  }
  if (refusals.length > 0) blocks.push(refusals);

  const warnings = (result.warnings ?? []).map((w) => `${c.yellow('warning')}  ${w}`);
  if (warnings.length > 0) blocks.push(warnings);

  blocks.push(renderSummary(c, result, opts));
  return blocks.map((b) => b.join('\n')).join('\n\n') + '\n';
}
