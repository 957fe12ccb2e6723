/**
 * length-to-count: the number of rows, counted by the database.
 *
 * Matches a whole-table load whose rows are only ever counted:
 *   (await load(a)).length                      -> await count(a')
 *   const rows = await load(a); ... rows.length ...
 *                                               -> const rowsCount = await count(a'); ... rowsCount ...
 *   load(a).then((rows) => rows.length)         -> count(a')
 *   const [a, b] = await Promise.all([load(..), ...]) with a used only as a.length
 * where count(a') is the dialect's count of the same rows (it keeps the
 * arguments that decide which rows come back). The receiver (a transaction or
 * extended client) is unchanged.
 *
 * Declines, with a finding, when the dialect cannot count the same rows
 * (arguments the count treats differently, arguments it cannot read). Leaves
 * alone, silently, rows that are used for anything but their count: then
 * loading them is the job.
 */
import type { Node } from '@babel/types';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { rebindable, rebindEdits, replaceThen, thenReturningOnly } from '../lib/analysis/rebind.js';
import { classifyResultUse, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import { replaceExpression } from '../lib/precedence.js';
import type { Load } from '../lib/orm/core/types.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';
import { freshIdentifier, indentAt, reindent } from '../lib/text.js';

const id = 'length-to-count';
const SAFE = 'the database counts the same rows the load would have returned; nothing is loaded';

function apply(ctx: RuleContext): void {
  for (const load of findWholeTableLoads(ctx)) {
    const result = classifyResultUse(load);
    if (!onlyCounted(result)) continue;
    const count = load.dialect.count(load, ctx);
    if (!count.ok) {
      reportLoad(ctx, load, `\`.length\` of a whole-table load: ${count.reason}. Fix: ${count.suggestion}.`, { messageId: 'cannot-count' });
      continue;
    }
    const edits =
      result.shape === 'direct' ? directEdits(ctx, load, result.use, count.code) : bindingEdits(ctx, load, result as BindingResult, count.code);
    ctx.rewrite({ node: load.call.node, imports: count.imports, tier: count.tier ?? 'safe', message: (count.why ?? SAFE) + (count.note ? `. Check: ${count.note}` : ''), edits });
  }
}

type BindingResult = Extract<LoadResult, { shape: 'binding' }>;

function onlyCounted(result: LoadResult): boolean {
  if (result.shape === 'direct') return result.use.kind === 'length';
  if (result.shape === 'binding') return result.uses.length > 0 && result.uses.every((u) => u.kind === 'length') && rebindable(result);
  return false;
}

/** `(await load(a)).length` -> `await count(a')`. */
function directEdits(ctx: RuleContext, load: Load, use: Use, countCall: string): TextEdit[] {
  const member = use.path;
  const code = reindent(countCall, indentAt(ctx.source, load.call.node.start ?? 0), indentAt(ctx.source, member.node.start ?? 0));
  return [replaceExpression(ctx, member, `await ${code}`)];
}

function bindingEdits(ctx: RuleContext, load: Load, result: BindingResult, countCall: string): TextEdit[] {
  const { name, uses } = result;
  // `.then((rows) => rows.length)`: the whole chain is the count.
  const then = uses.length === 1 ? thenReturningOnly(result, uses[0].path) : undefined;
  if (then) return [replaceThen(load, then, countCall)];
  const newName = freshIdentifier(ctx.ast, `${name}Count`, undefined, undefined, result.site.id);
  const edits = rebindEdits(load, result, countCall, newName);
  for (const use of uses) edits.push(replaceNode(use.path.node, newName));
  return edits;
}

function replaceNode(node: Node, text: string): TextEdit {
  return { start: node.start ?? 0, end: node.end ?? 0, text };
}

export const rule: Rule = {
  meta: {
    id,
    description: 'Counting loaded rows with .length becomes a count query.',
    tier: 'safe',
    declines: ['rows used for anything besides .length'],
  },
  apply,
  // Rows used only for `.length`.
  words: ['length'],
};

export default toJscodeshift(rule);
