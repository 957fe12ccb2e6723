/**
 * A markdown summary for `$GITHUB_STEP_SUMMARY` (or a pull-request comment):
 * totals, edits and findings per rule, each edit and finding with its place,
 * and the diffs folded away in <details>.
 */
import type { Mode, RunResult } from '../types.js';
import { isReportable } from './hunks.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** Longer than any run of backticks inside, so a diff cannot close its fence. */
const fence = (text: string) => '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));

export function renderMarkdown(result: RunResult, opts: { mode: Mode }): string {
  const t = result.totals;
  const out: string[] = ['## pushdown', ''];
  out.push(
    `${t.filesScanned} files scanned, ${t.filesParsed} parsed, ${t.filesChanged} ${opts.mode === 'write' ? 'changed' : 'to change'}` +
      `${opts.mode === 'write' ? `, ${t.filesWritten} written` : ''}; ${t.edits} edits, ${t.findings} findings${t.filesFailed > 0 ? `, **${t.filesFailed} failed**` : ''}.`,
    '',
  );
  const ruleIds = [...new Set([...Object.keys(t.editsByRule), ...Object.keys(t.findingsByRule)])].sort();
  if (ruleIds.length > 0) {
    out.push('| rule | safe edits | review edits | findings |', '|---|---:|---:|---:|');
    for (const id of ruleIds) {
      const e = t.editsByRule[id] ?? { safe: 0, review: 0 };
      out.push(`| \`${id}\` | ${e.safe} | ${e.review} | ${t.findingsByRule[id] ?? 0} |`);
    }
    out.push('');
  }
  const rows: string[] = [];
  for (const file of result.files) {
    for (const e of file.edits) rows.push(`| \`${cell(file.path)}:${e.line}:${e.column}\` | \`${e.rule}\` | ${e.tier}${e.applied ? '' : ' (withheld)'} | ${cell(e.message)} |`);
    for (const f of file.findings) rows.push(`| \`${cell(file.path)}:${f.line}:${f.column}\` | \`${f.rule}\` | finding | ${cell(f.message)} |`);
    if (file.status === 'parse-error' || file.status === 'error') {
      rows.push(`| \`${cell(file.path)}${file.error?.line !== undefined ? `:${file.error.line}` : ''}\` | | **error** | ${cell(file.error?.message ?? 'failed')} |`);
    }
  }
  if (rows.length > 0) out.push('| where | rule | tier | message |', '|---|---|---|---|', ...rows, '');
  const diffs = result.files.filter((f) => isReportable(f) && f.diff !== '');
  if (diffs.length > 0) {
    out.push(`<details><summary>Diffs (${diffs.length} files)</summary>`, '');
    for (const file of diffs) {
      const f = fence(file.diff);
      out.push(`${f}diff`, file.diff.replace(/\n$/, ''), f, '');
    }
    out.push('</details>', '');
  }
  for (const w of result.warnings ?? []) out.push(`> warning: ${w}`, '');
  if (ruleIds.length === 0 && rows.length === 0) out.push('Nothing to rewrite.', '');
  return out.join('\n');
}
