/**
 * Prisma: the first row of a findMany, as findFirst.
 *
 * findFirst accepts everything findMany does (where, orderBy, cursor, skip,
 * distinct, select, include, omit, relationLoadStrategy) and returns the same
 * row shape, or null. A positive literal `take` cannot change which row comes
 * first, so it is dropped. `take: 0` (always empty), a negative take (counts
 * from the end) and a take pushdown cannot read are declined.
 */
import type { Node } from '@babel/types';
import type { RuleContext } from '../rule.js';
import { objectTextKeeping, propertyName, textOf } from '../text.js';
import type { Emit, Load } from './types.js';

/** findMany arguments findFirst takes with the same meaning. */
const FIRST_KEEPS = new Set(['where', 'orderBy', 'cursor', 'skip', 'distinct', 'select', 'include', 'omit', 'relationLoadStrategy']);

export function prismaFindFirst(load: Load, ctx: RuleContext): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const args = load.args;
  if (args.kind === 'none') return { ok: true, code: `${receiver}.findFirst()` };
  if (args.kind === 'unknown') {
    return {
      ok: false,
      reason: `the findMany arguments are ${args.reason}, so pushdown cannot tell whether they carry a \`take\` findFirst would treat differently`,
      suggestion: `use \`await ${receiver}.findFirst(...)\` with the same arguments minus any positive \`take\``,
    };
  }
  const unknown = [...args.props.keys()].filter((k) => !FIRST_KEEPS.has(k) && k !== 'take');
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `findMany has argument(s) pushdown does not know: ${unknown.join(', ')}`,
      suggestion: `use \`${receiver}.findFirst(...)\` by hand if they mean the same there`,
    };
  }
  const take = args.props.get('take');
  if (take) {
    const n = literalNumber(take.value);
    if (n === undefined || !Number.isInteger(n)) {
      return {
        ok: false,
        reason: '`take` is not an integer literal: when it is 0 the first row is always undefined, and a negative take counts from the end',
        suggestion: `when \`take\` is always positive, use \`await ${receiver}.findFirst(...)\` without it`,
      };
    }
    if (n === 0) return { ok: false, reason: '`take: 0` loads no rows, so the first row is always undefined', suggestion: 'remove the query' };
    if (n < 0) {
      return {
        ok: false,
        reason: `\`take: ${n}\` takes the last ${-n} row(s), so the first of them depends on how many rows match`,
        suggestion: 'to get the last row, use findFirst with the orderBy reversed',
      };
    }
  }
  if (args.kind === 'ref') {
    if (take) {
      return {
        ok: false,
        reason: `the findMany arguments come from \`${textOf(ctx.source, args.node)}\`, which carries a \`take\` findFirst would not need`,
        suggestion: `use \`await ${receiver}.findFirst(...)\` with the same arguments minus \`take\``,
      };
    }
    return { ok: true, code: `${receiver}.findFirst(${textOf(ctx.source, args.node)})` };
  }
  const text = objectTextKeeping(ctx.source, args.node, (p) => FIRST_KEEPS.has(propertyName(p) ?? ''));
  return { ok: true, code: `${receiver}.findFirst(${text ?? ''})` };
}

function literalNumber(node: Node): number | undefined {
  if (node.type === 'NumericLiteral') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
  return undefined;
}
