/** Picks a reporter by --format name. Every reporter is a pure (RunResult, options) => string. */
import type { Mode, RuleMeta, RunResult } from '../types.js';
import { renderGithub } from './github.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderPatch } from './patch.js';
import { renderPretty } from './pretty.js';
import { renderSarif } from './sarif.js';

export const FORMATS = ['pretty', 'patch', 'json', 'sarif', 'github', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  /** Only the pretty format ever colours; the others are for machines. */
  color: boolean;
  mode: Mode;
  unsafe: boolean;
  /** The rules that ran (SARIF's rule table, the HTML filters). */
  rules?: readonly RuleMeta[];
  /** pushdown's version, for formats that name their tool. */
  toolVersion?: string;
}

export type Reporter = (result: RunResult, opts: ReportOptions) => string;

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function getReporter(format: Format): Reporter {
  switch (format) {
    case 'pretty':
      return renderPretty;
    case 'patch':
      return (result) => renderPatch(result);
    case 'json':
      return (result) => renderJson(result);
    case 'sarif':
      return (result, opts) => renderSarif(result, { rules: opts.rules ?? [], toolVersion: opts.toolVersion ?? 'unknown' });
    case 'github':
      return (result) => renderGithub(result);
    case 'markdown':
      return (result, opts) => renderMarkdown(result, opts);
    case 'html':
      return (result, opts) => renderHtml(result, { ...opts, rules: opts.rules ?? [], toolVersion: opts.toolVersion ?? 'unknown' });
  }
}

export { renderGithub, renderHtml, renderJson, renderMarkdown, renderPatch, renderPretty, renderSarif };
