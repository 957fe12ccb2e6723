/**
 * Prisma: the first row of a findMany, as findFirst.
 *
 * findFirst accepts everything findMany does (where, orderBy, cursor, skip,
 * distinct, select, include, omit, relationLoadStrategy) and returns the same
 * row shape, or null. A positive literal `take` cannot change which row comes
 * first, so it is dropped. `take: 0` (always empty), a negative take (counts
 * from the end) and a take pushdown cannot read are declined.
 *
 * Query extensions hook operations by name (`$extends({ query: { user: {
 * findMany } } })`, the usual soft-delete recipe), so a findMany hook does not
 * run for findFirst: on a client this file builds with `$extends`, the
 * rewrite is downgraded to review.
 */
import type { Expression, Node } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { objectTextKeeping, propertyName, textOf } from '../../text.js';
import type { Emit } from '../core/types.js';
import type { PrismaLoad } from './load.js';
import { FIRST_WHY } from './messages.js';

/** findMany arguments findFirst takes with the same meaning. */
const FIRST_KEEPS = new Set(['where', 'orderBy', 'cursor', 'skip', 'distinct', 'select', 'include', 'omit', 'relationLoadStrategy']);

export function prismaFindFirst(load: PrismaLoad, ctx: RuleContext): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const args = load.args;
  const tier = extendedHere(load) ? ('review' as const) : undefined;
  const note = tier ? 'the client is built with `$extends`: check that no query extension hooks findMany only (it would not run for findFirst)' : undefined;
  if (args.kind === 'none') return { ok: true, code: `${receiver}.findFirst()`, tier, note, why: FIRST_WHY };
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
    return { ok: true, code: `${receiver}.findFirst(${textOf(ctx.source, args.node)})`, tier, note, why: FIRST_WHY };
  }
  const text = objectTextKeeping(ctx.source, args.node, (p) => FIRST_KEEPS.has(propertyName(p) ?? ''));
  return { ok: true, code: `${receiver}.findFirst(${text ?? ''})`, tier, note, why: FIRST_WHY };
}

function literalNumber(node: Node): number | undefined {
  if (node.type === 'NumericLiteral') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
  return undefined;
}

/** Is the load's client bound, in this file, to `<client>.$extends(...)`? */
function extendedHere(load: PrismaLoad): boolean {
  const receiver = load.receiver;
  const client: Expression | undefined = receiver.type === 'MemberExpression' && receiver.object.type !== 'Super' ? (receiver.object as Expression) : undefined;
  if (!client || client.type !== 'Identifier') return false;
  const decl = load.call.scope.getBinding(client.name)?.path.node;
  if (!decl || decl.type !== 'VariableDeclarator') return false;
  let init: Node | null | undefined = decl.init;
  while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression' || init.type === 'TSNonNullExpression' || init.type === 'ParenthesizedExpression')) init = init.expression;
  return (
    init?.type === 'CallExpression' &&
    init.callee.type === 'MemberExpression' &&
    init.callee.property.type === 'Identifier' &&
    init.callee.property.name === '$extends'
  );
}
