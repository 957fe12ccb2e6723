/**
 * GitHub Actions workflow commands: one `::warning` annotation per edit and
 * finding, `::error` per file that could not be processed, escaped as the
 * runner requires (data: % CR LF; properties also : and ,).
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { RunResult } from '../types.js';

/** The message after `::`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file, title, ...). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: 'warning' | 'error' | 'notice', props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level} ${list}::${escapeData(message)}\n`;
}

export function renderGithub(result: RunResult): string {
  let out = '';
  for (const file of result.files) {
    for (const edit of file.edits) {
      const how = edit.tier === 'safe' ? 'pushdown --write applies it' : 'pushdown --write --unsafe applies it; check first';
      out += command('warning', { file: file.path, line: edit.line, col: edit.column, title: `pushdown ${edit.rule} (${edit.tier})` }, `${edit.message} (${how})`);
    }
    for (const finding of file.findings) {
      out += command('warning', { file: file.path, line: finding.line, col: finding.column, title: `pushdown ${finding.rule} (finding)` }, `${finding.message} (no rewrite offered: fix by hand)`);
    }
    if (file.status === 'parse-error' || file.status === 'error') {
      out += command('error', { file: file.path, line: file.error?.line, col: file.error?.column, title: 'pushdown could not process this file' }, file.error?.message ?? 'failed');
    }
    if (file.writeRefused !== undefined) out += command('warning', { file: file.path, title: 'pushdown did not write this file' }, file.writeRefused);
  }
  for (const warning of result.warnings ?? []) out += command('warning', { title: 'pushdown' }, warning);
  return out;
}
