/** Picks a reporter by --format name. Every reporter is a pure (RunResult, options) => string. */
import type { Mode, RunResult } from '../types.js';
import { renderJson } from './json.js';
import { renderPatch } from './patch.js';
import { renderPretty } from './pretty.js';

export const FORMATS = ['pretty', 'patch', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  /** Only the pretty format ever colours; the others are for machines. */
  color: boolean;
  mode: Mode;
  unsafe: boolean;
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
  }
}

export { renderJson, renderPatch, renderPretty };
