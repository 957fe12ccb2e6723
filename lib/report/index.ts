/** Picks a reporter by --format name. Every reporter is a pure (RunResult, options) => string. */
import { REPORTERS, type Format, type Reporter } from './formats.js';
import { renderGithub } from './github.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderPatch } from './patch.js';
import { renderPretty } from './pretty.js';
import { renderSarif } from './sarif.js';

export { FORMATS, isFormat, loadReporter, type Format, type ReportOptions, type Reporter } from './formats.js';

const ALL = { renderGithub, renderHtml, renderJson, renderMarkdown, renderPatch, renderPretty, renderSarif };

export function getReporter(format: Format): Reporter {
  return REPORTERS[format](ALL);
}

export { renderGithub, renderHtml, renderJson, renderMarkdown, renderPatch, renderPretty, renderSarif };
