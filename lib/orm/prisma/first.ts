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
 *
 * Rows that tie on the orderBy come back in no fixed order, and PostgreSQL
 * and MySQL/MariaDB pick another tied row under findFirst's LIMIT 1 (a top-N
 * sort) than first in findMany's full sort (shown on both engines by the
 * real-database proof; SQLite keeps ties in scan order either way). So on
 * any provider but SQLite, an orderBy that can tie (its last key is not a
 * required unique field) makes the rewrite review (providers.ts says why).
 */
import type { Expression, Node, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { objectTextKeeping, propertyName, textOf } from '../../text.js';
import type { Emit } from '../core/types.js';
import type { PrismaLoad } from './load.js';
import { prismaFacts } from './load.js';
import { FIRST_WHY } from './messages.js';
import { orderTiesNote } from './providers.js';
import type { FieldTest } from '../../analysis/predicate.js';
import { prismaNarrow } from './where.js';

/** findMany arguments findFirst takes with the same meaning. */
const FIRST_KEEPS = new Set(['where', 'orderBy', 'cursor', 'skip', 'distinct', 'select', 'include', 'omit', 'relationLoadStrategy']);

export function prismaFindFirst(load: PrismaLoad, ctx: RuleContext): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const args = load.args;
  const notes: string[] = [];
  if (extendedHere(load)) notes.push('the client is built with `$extends`: check that no query extension hooks findMany only (it would not run for findFirst)');
  const ties = args.kind === 'object' || args.kind === 'ref' ? orderThatCanTie(args.props.get('orderBy'), load, ctx) : undefined;
  const tiesNote = ties === undefined ? undefined : orderTiesNote(prismaFacts(ctx)?.provider, ties);
  if (tiesNote) notes.push(tiesNote);
  const tier = notes.length > 0 ? ('review' as const) : undefined;
  const note = notes.join('; ') || undefined;
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

/**
 * The orderBy, as the message shows it, when rows can tie on it; undefined
 * when there is none or its last key is a required unique field (the order
 * is then total). Without the model's facts, every orderBy can tie.
 */
function orderThatCanTie(orderBy: ObjectProperty | undefined, load: PrismaLoad, ctx: RuleContext): string | undefined {
  if (!orderBy) return undefined;
  const shown = `\`${textOf(ctx.source, orderBy.value)}\``;
  const value = orderBy.value;
  const last = value.type === 'ArrayExpression' ? value.elements[value.elements.length - 1] : value;
  if (!last || last.type !== 'ObjectExpression' || last.properties.length !== 1) return shown;
  const key = last.properties[0]!;
  if (key.type !== 'ObjectProperty' || key.value.type !== 'StringLiteral' || !['asc', 'desc'].includes(key.value.value)) return shown;
  const model = prismaFacts(ctx)?.models.get(load.model);
  const field = model?.fields.get(propertyName(key) ?? '');
  const unique = field !== undefined && (field.isUnique || (model!.primaryKey.length === 1 && model!.primaryKey[0] === field.name));
  return unique && !field.nullable ? undefined : shown;
}

function literalNumber(node: Node): number | undefined {
  if (node.type === 'NumericLiteral') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
  return undefined;
}

/** Is the load's client bound, in this file, to `<client>.$extends(...)`? */
export function extendedHere(load: PrismaLoad): boolean {
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

/**
 * `.find(pred)` over the load's rows: findFirst with the predicate merged into
 * where. The where is what narrow() says (it declines take, skip, cursor and
 * distinct, which the database applies before a where but the JavaScript
 * test after, and compared values that may be undefined); findFirst takes
 * every other findMany argument with the same meaning, and its first row is
 * the first matching row in the same order.
 */
export function prismaFindFirstWhere(load: PrismaLoad, ctx: RuleContext, tests: readonly FieldTest[]): Emit {
  const narrowed = prismaNarrow(load, ctx, tests);
  if (!narrowed.ok) return narrowed;
  const prefix = `${textOf(ctx.source, load.receiver)}.${load.method}(`;
  if (!narrowed.code.startsWith(prefix)) return { ok: false, reason: 'pushdown could not build the query', suggestion: 'use findFirst with the predicate in where by hand' };
  const order = load.args.kind !== 'none' && load.args.kind !== 'unknown' && load.args.props.has('orderBy');
  const notes = [
    narrowed.note,
    order ? 'rows that tie on the orderBy may come in another order, so another matching row may come first' : 'the query has no orderBy: the database may return another matching row first',
  ].filter(Boolean);
  return {
    ok: true,
    code: `${textOf(ctx.source, load.receiver)}.findFirst(${narrowed.code.slice(prefix.length)}`,
    tier: 'review',
    note: notes.join('; '),
    why: 'findFirst with the predicate in its where returns the first row `.find` would have (same order and row shape) and loads only that row',
  };
}
