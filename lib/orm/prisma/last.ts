/**
 * Prisma: the last row of a findMany (`.at(-1)`, `rows[rows.length - 1]`,
 * `.findLast(pred)`), as findFirst with the orderBy reversed.
 *
 * The first row of the reversed order is the last row of the order only when
 * the order is total: some key of the orderBy is a required unique field (the
 * id), so no two rows tie up to it. Each key's direction is swapped, and an
 * explicit `nulls: 'first'` becomes `'last'` (and back); without `nulls`, every
 * database reverses where NULLs go together with the direction (SQLite and
 * MySQL put them first ascending, last descending; PostgreSQL the other way
 * round), so the reversed order is the exact reverse.
 *
 * Declined: no orderBy (no last row is defined), an orderBy that can tie or
 * that pushdown cannot read (relations, `_count`, `_relevance`, several keys
 * in one object), no schema to say which fields are unique, and take, skip,
 * cursor or distinct (a page's last row is not the reversed order's first).
 */
import { parseSnippet } from '../../parse.js';
import type { Expression, Node, ObjectProperty } from '@babel/types';
import type { FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { propertyName, textOf } from '../../text.js';
import { findNodes } from '../../walk.js';
import type { Emit } from '../core/types.js';
import { extendedHere } from './first.js';
import { prismaFacts, type PrismaLoad } from './load.js';
import { prismaNarrow } from './where.js';

/** findMany arguments findFirst takes with the same meaning and that do not page the rows. */
const LAST_KEEPS = new Set(['where', 'orderBy', 'select', 'include', 'omit', 'relationLoadStrategy']);
const SWAP: Record<string, string> = { asc: 'desc', desc: 'asc', first: 'last', last: 'first' };
const BY_HAND = '`findFirst` with the `orderBy` reversed';

type Reversal = { ok: true } | { ok: false; reason: string; suggestion: string };

export function prismaFindLast(load: PrismaLoad, ctx: RuleContext, tests?: readonly FieldTest[]): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const reversible = reversibleOrder(load, ctx);
  if (!reversible.ok) return reversible;
  let code = `${receiver}.findMany(${textOf(ctx.source, (load.args as { node: Node }).node)})`;
  const notes: string[] = [];
  if (tests && tests.length > 0) {
    const narrowed = prismaNarrow(load, ctx, tests);
    if (!narrowed.ok) return narrowed;
    code = narrowed.code;
    if (narrowed.note) notes.push(narrowed.note);
  }
  const reversed = reverseOrderIn(code);
  const prefix = `${receiver}.findMany(`;
  if (!reversed?.startsWith(prefix)) return { ok: false, reason: 'pushdown could not build the reversed query', suggestion: `use ${BY_HAND}` };
  if (extendedHere(load)) notes.push('the client is built with `$extends`: check that no query extension hooks findMany only (it would not run for findFirst)');
  return {
    ok: true,
    code: `${receiver}.findFirst(${reversed.slice(prefix.length)}`,
    tier: tests && tests.length > 0 ? 'review' : notes.length > 0 ? 'review' : undefined,
    note: notes.join('; ') || undefined,
    why: `findFirst with the orderBy reversed returns the last row the findMany would have (its order is total, so the reversal is exact; same ${tests && tests.length > 0 ? 'filter and ' : ''}row shape) and loads only that row`,
  };
}

/** Can the load's order be reversed exactly, and is it total? */
function reversibleOrder(load: PrismaLoad, ctx: RuleContext): Reversal {
  const args = load.args;
  if (args.kind !== 'object') {
    return args.kind === 'none'
      ? { ok: false, reason: 'the findMany has no orderBy, so its rows come in no fixed order and the last one is not defined', suggestion: `choose the order you mean, ending with a unique field such as the id, and use ${BY_HAND}` }
      : { ok: false, reason: 'pushdown cannot read the findMany arguments, so it cannot reverse their orderBy', suggestion: `use ${BY_HAND}` };
  }
  const paging = [...args.props.keys()].filter((k) => !LAST_KEEPS.has(k));
  if (paging.length > 0) {
    return { ok: false, reason: `the findMany has ${paging.map((k) => `\`${k}\``).join(', ')}, so its last row is not the first of the reversed order`, suggestion: `use ${BY_HAND}, if that is the row you mean` };
  }
  const orderBy = args.props.get('orderBy');
  if (!orderBy) return { ok: false, reason: 'the findMany has no orderBy, so its rows come in no fixed order and the last one is not defined', suggestion: `choose the order you mean, ending with a unique field such as the id, and use ${BY_HAND}` };
  const model = prismaFacts(ctx)?.models.get(load.model);
  if (!model) return { ok: false, reason: 'no Prisma schema says which fields are unique, so pushdown cannot tell that rows never tie on the orderBy', suggestion: `use ${BY_HAND}, or pass --schema` };
  const value = orderBy.value;
  const keys = value.type === 'ArrayExpression' ? value.elements : [value];
  for (const key of keys) {
    const field = orderKey(key as Node | null);
    if (!field) return { ok: false, reason: `pushdown cannot reverse \`${textOf(ctx.source, value)}\` exactly (only scalar fields with 'asc'/'desc' or { sort, nulls }, one per object)`, suggestion: `use ${BY_HAND}` };
    const f = model.fields.get(field);
    if (!f || !f.isScalar) return { ok: false, reason: `\`${field}\` is not a scalar field of ${model.name}`, suggestion: `use ${BY_HAND}` };
    const unique = f.isUnique || (model.primaryKey.length === 1 && model.primaryKey[0] === f.name);
    if (unique && !f.nullable) return { ok: true };
  }
  return {
    ok: false,
    reason: `rows can tie on \`${textOf(ctx.source, value)}\` (no key of it is a required unique field), so the reversed order may put another tied row first`,
    suggestion: `end the orderBy with a unique field such as \`{ id: 'asc' }\`, then use ${BY_HAND}`,
  };
}

/** `{ f: 'asc' }` or `{ f: { sort: 'desc', nulls: 'first' } }`: the field, when it is one of these. */
function orderKey(node: Node | null): string | undefined {
  if (!node || node.type !== 'ObjectExpression' || node.properties.length !== 1) return undefined;
  const p = node.properties[0];
  if (p.type !== 'ObjectProperty' || p.computed) return undefined;
  const name = propertyName(p as ObjectProperty);
  if (!name || name.startsWith('_')) return undefined;
  const v = p.value;
  if (v.type === 'StringLiteral') return v.value === 'asc' || v.value === 'desc' ? name : undefined;
  if (v.type !== 'ObjectExpression') return undefined;
  let sort = false;
  for (const q of v.properties) {
    if (q.type !== 'ObjectProperty' || q.computed || q.value.type !== 'StringLiteral') return undefined;
    const k = propertyName(q as ObjectProperty);
    if (k === 'sort' && (q.value.value === 'asc' || q.value.value === 'desc')) sort = true;
    else if (!(k === 'nulls' && (q.value.value === 'first' || q.value.value === 'last'))) return undefined;
  }
  return sort ? name : undefined;
}

/** `x.findMany({ ..., orderBy: ... })` with every direction and nulls placement of its orderBy swapped. */
function reverseOrderIn(code: string): string | undefined {
  const call = parseSnippet(code);
  if (call?.type !== 'CallExpression' || call.arguments[0]?.type !== 'ObjectExpression') return undefined;
  const orderBy = call.arguments[0].properties.find((p) => p.type === 'ObjectProperty' && propertyName(p) === 'orderBy') as ObjectProperty | undefined;
  if (!orderBy) return undefined;
  const swaps = findNodes(orderBy.value, (n) => n.type === 'ObjectProperty' && n.value.type === 'StringLiteral' && SWAP[n.value.value] !== undefined)
    .map(({ node }) => (node as ObjectProperty).value)
    .sort((a, b) => (b.start ?? 0) - (a.start ?? 0));
  let out = code;
  for (const s of swaps) {
    const raw = out.slice(s.start ?? 0, s.end ?? 0);
    out = out.slice(0, s.start ?? 0) + raw[0] + SWAP[(s as { value: string }).value] + raw[raw.length - 1] + out.slice(s.end ?? 0);
  }
  return out;
}
