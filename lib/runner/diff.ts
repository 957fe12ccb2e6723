/** Unified diffs that `git apply` accepts: `--- a/path`, `+++ b/path`, hunks with 3 lines of context. */
import { structuredPatch } from 'diff';

export function unifiedDiff(relPath: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = structuredPatch(`a/${relPath}`, `b/${relPath}`, before, after, '', '', { context: 3 });
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
