/**
 * A plain unified diff of every changed file, which `git apply` (or `patch -p1`)
 * accepts. Paths are the FileResult paths (relative to the run's cwd) under
 * a/ and b/. Each hunk header carries the rule label after the closing `@@`,
 * where git and patch ignore it. Nothing else is emitted: no colour, no summary.
 */
import type { RunResult } from '../types.js';
import { hunkRuleLabels, parseDiff } from './hunks.js';

export function renderPatch(result: RunResult): string {
  let out = '';
  for (const file of result.files) {
    if (file.diff === '') continue;
    const parsed = parseDiff(file.diff, file.edits.filter((e) => e.applied));
    const lines = [...parsed.headerLines];
    for (const hunk of parsed.hunks) {
      const labels = hunkRuleLabels(hunk.edits);
      const bare = /^@@ [^@]* @@$/.test(hunk.header);
      lines.push(bare && labels.length > 0 ? `${hunk.header} ${labels.join(', ')}` : hunk.header);
      lines.push(...hunk.lines);
    }
    out += lines.join('\n') + '\n';
  }
  return out;
}
