/**
 * The --format names and how each reporter is called. `loadReporter` loads
 * only the chosen format's module (the CLI's path); lib/report/index.ts holds
 * them all, for library callers and tests.
 */
import type { Mode, RuleMeta, RunResult } from '../types.js';
import type { renderGithub } from './github.js';
import type { renderHtml } from './html.js';
import type { renderJson } from './json.js';
import type { renderMarkdown } from './markdown.js';
import type { renderPatch } from './patch.js';
import type { renderPretty } from './pretty.js';
import type { renderSarif } from './sarif.js';

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

export interface Renderers {
  renderGithub: typeof renderGithub;
  renderHtml: typeof renderHtml;
  renderJson: typeof renderJson;
  renderMarkdown: typeof renderMarkdown;
  renderPatch: typeof renderPatch;
  renderPretty: typeof renderPretty;
  renderSarif: typeof renderSarif;
}

/** Each format's reporter, from its renderer (each reads only its own one). */
export const REPORTERS: { readonly [F in Format]: (r: Renderers) => Reporter } = {
  pretty: (r) => r.renderPretty,
  patch: (r) => (result) => r.renderPatch(result),
  json: (r) => (result) => r.renderJson(result),
  sarif: (r) => (result, opts) => r.renderSarif(result, { rules: opts.rules ?? [], toolVersion: opts.toolVersion ?? 'unknown' }),
  github: (r) => (result) => r.renderGithub(result),
  markdown: (r) => (result, opts) => r.renderMarkdown(result, opts),
  html: (r) => (result, opts) => r.renderHtml(result, { ...opts, rules: opts.rules ?? [], toolVersion: opts.toolVersion ?? 'unknown' }),
};

const MODULES: { readonly [F in Format]: () => Promise<Partial<Renderers>> } = {
  pretty: () => import('./pretty.js'),
  patch: () => import('./patch.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  github: () => import('./github.js'),
  markdown: () => import('./markdown.js'),
  html: () => import('./html.js'),
};

/** The reporter for one format, loading that format's module alone. */
export async function loadReporter(format: Format): Promise<Reporter> {
  // The module holds the one renderer this format's reporter reads.
  return REPORTERS[format]((await MODULES[format]()) as Renderers);
}
