/** Text edits on whole statements. */
import type { Node } from '@babel/types';
import type { TextEdit } from './rule.js';

/** Delete a statement, with its line when it stands alone on it. */
export function removeStatement(source: string, node: Node): TextEdit {
  let start = node.start ?? 0;
  let end = node.end ?? 0;
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const after = /^[ \t]*\r?\n/.exec(source.slice(end));
  if (/^[ \t]*$/.test(source.slice(lineStart, start)) && after) {
    start = lineStart;
    end += after[0].length;
    // A line between two blank lines (or first in its block, before a blank one) takes one blank
    // line with it: removing it must not leave two blank lines, nor a block opening with one.
    const before = source.slice(0, lineStart);
    const blankAfter = /^(?:[ \t]*\r?\n)+/.exec(source.slice(end));
    if (blankAfter && (/\r?\n[ \t]*\r?\n$/.test(before) || /\{[ \t]*\r?\n$/.test(before))) end += blankAfter[0].length;
  }
  return { start, end, text: '' };
}
