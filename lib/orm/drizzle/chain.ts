/**
 * Editing a select chain as text, keeping its layout: replace a call's
 * arguments, drop a call, add one after another (`.limit(1)` on the same
 * line, or on a line of its own when the chain is laid out one call per line).
 */
import type { CallExpression, Expression } from '@babel/types';
import type { TextEdit } from '../../rule.js';
import type { DrizzleLoad } from './load.js';

type Member = Extract<Expression, { type: 'MemberExpression' }>;

/** The load's chain text with `edits` (file offsets inside it) applied. */
export function editedChain(source: string, load: DrizzleLoad, edits: readonly TextEdit[]): string {
  const start = load.call.node.start ?? 0;
  let text = source.slice(start, load.call.node.end ?? 0);
  // Last first; of two insertions at one place, the one listed first ends up first.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  for (const { e } of order) text = text.slice(0, e.start - start) + e.text + text.slice(e.end - start);
  return text;
}

/** `.` or `\n    .`: what comes between the receiver and a call's method name. */
export function separatorOf(source: string, call: CallExpression): string {
  const callee = call.callee as Member;
  return source.slice(callee.object.end ?? 0, callee.property.start ?? 0);
}

/** Replace everything between a call's parentheses. */
export function replaceArgs(source: string, call: CallExpression, text: string): TextEdit {
  const callee = call.callee as Member;
  const after = (call.typeParameters ?? call.typeArguments)?.end ?? callee.property.end ?? 0;
  const open = source.indexOf('(', after);
  return { start: open + 1, end: (call.end ?? 0) - 1, text };
}

/** Drop `.name(...)` from the chain. */
export function removeCall(call: CallExpression): TextEdit {
  const callee = call.callee as Member;
  return { start: callee.object.end ?? 0, end: call.end ?? 0, text: '' };
}

/** Add `.name(args)` right after `call`, laid out as `call`'s own link is. */
export function addAfter(source: string, call: CallExpression, name: string, args: string): TextEdit {
  return { start: call.end ?? 0, end: call.end ?? 0, text: `${separatorOf(source, call)}${name}(${args})` };
}
