/**
 * Prisma aggregates: `(await X.aggregate({ where, _sum: { f: true } }))._sum.f`,
 * the sum (or min, or max) of one field over the rows findMany would load.
 * Like every Prisma aggregate but count, it is null when there are no rows or
 * every value is NULL (since 2.21, prisma#6320); the rule decides what to
 * put in place of null.
 *
 * aggregate() takes where, orderBy, cursor, take and skip with findMany's
 * meaning; orderBy is kept only where it decides which rows (with cursor,
 * take or skip). It has no distinct. select, include, omit and
 * relationLoadStrategy only shape rows and are dropped.
 *
 * Only Int and Float fields qualify: their values and aggregates are JS
 * numbers, so `s + r.f` and `Math.max(...)` mean what SQL computes. Decimal
 * (a Prisma.Decimal object) and BigInt (a bigint) do not, nor does any field
 * when there is no schema to say its type.
 */
import { parseExpression } from '../../babel.js';
import type { ObjectExpression } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { objectTextAdding, objectTextKeeping, propertyName, textOf } from '../../text.js';
import type { FieldFacts } from '../core/facts.js';
import type { AggregateOp, AggregatePart, AggregatesEmit, Emit } from '../core/types.js';
import { prismaFacts, type PrismaLoad } from './load.js';
import { floatSumNote } from './providers.js';

const NUMBER_TYPES = new Set(['Int', 'Float']);
/** Arguments aggregate() honours with findMany's meaning. */
const ROWS = new Set(['where', 'cursor', 'take', 'skip']);
/** Arguments that only shape each row. */
const SHAPE = new Set(['select', 'include', 'omit', 'relationLoadStrategy']);

export function prismaAggregate(load: PrismaLoad, ctx: RuleContext, op: AggregateOp, field: string): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const key = `_${op}`;
  const selection = `${key}: { ${field}: true }`;
  const byHand = `aggregate in the database: \`(await ${receiver}.aggregate({ where, ${selection} }))${'.'}${key}.${field}\`, handling its null (no rows, or only NULLs)`;
  const checked = numberField(load, ctx, field, byHand);
  if (!checked.ok) return checked;
  const { f, provider } = checked;

  const args = aggregateArgs(load, ctx, [field]);
  if (!args.ok) return { ok: false, reason: args.reason, suggestion: byHand };
  const argText = args.text === undefined ? `{ ${selection} }` : withProperty(args.text, selection);
  const code = `(await ${receiver}.aggregate(${argText})).${key}.${field}`;
  const review = partReview({ op, field }, f.typeName, provider)[0];
  return review ? { ok: true, code, tier: 'review', note: review } : { ok: true, code, tier: 'safe' };
}

/**
 * Several aggregates of the rows findMany would load, in one aggregate():
 * `await X.aggregate({ where, _sum: { a: true }, _max: { a: true, b: true }, _count: { _all: true } })`.
 * `_count._all` is a number (0 for no rows), the others null for no rows or only NULLs.
 */
export function prismaAggregates(load: PrismaLoad, ctx: RuleContext, parts: readonly AggregatePart[]): AggregatesEmit {
  const receiver = textOf(ctx.source, load.receiver);
  const byHand = `aggregate in the database: one \`await ${receiver}.aggregate({ where, _sum: { ... }, _max: { ... }, _count: { _all: true } })\`, handling each null (no rows, or only NULLs)`;
  const fields: string[] = [];
  const notes: string[] = [];
  // Selections in the order parts first ask for them: `_sum: { views: true, rating: true }`.
  const selections = new Map<string, string[]>();
  for (const part of parts) {
    const key = `_${part.op}`;
    const names = selections.get(key) ?? [];
    selections.set(key, names);
    if (part.op === 'count') {
      if (!names.includes('_all')) names.push('_all');
      continue;
    }
    const checked = numberField(load, ctx, part.field, byHand);
    if (!checked.ok) return checked;
    if (!fields.includes(part.field)) fields.push(part.field);
    if (!names.includes(part.field)) names.push(part.field);
    for (const note of partReview(part, checked.f.typeName, checked.provider)) if (!notes.includes(note)) notes.push(note);
  }
  const args = aggregateArgs(load, ctx, fields);
  if (!args.ok) return { ok: false, reason: args.reason, suggestion: byHand };
  const selection = [...selections].map(([key, names]) => `${key}: { ${names.map((n) => `${n}: true`).join(', ')} }`).join(', ');
  const argText = args.text === undefined ? `{ ${selection} }` : withProperty(args.text, selection);
  return {
    ok: true,
    query: `await ${receiver}.aggregate(${argText})`,
    read: (i, holder) => {
      const part = parts[i];
      return part.op === 'count' ? `${holder}._count._all` : `${holder}._${part.op}.${part.field}`;
    },
    tier: notes.length > 0 ? 'review' : 'safe',
    note: notes.length > 0 ? notes.join('; ') : undefined,
  };
}

/** What a reviewer must check for one aggregate of a number field; none when it is exact. */
function partReview(part: { op: AggregateOp | 'avg'; field: string }, typeName: string, provider: string | undefined): string[] {
  const adds = typeName === 'Float' ? floatSumNote(provider) : 'the database adds the values as integers; a sum beyond 2^53 loses precision differently';
  if (part.op === 'sum') return [adds];
  if (part.op === 'avg') return [`AVG of \`${part.field}\` divides the database's sum by the count, and PostgreSQL and MySQL round it as a decimal before it becomes a float (the last digit may differ)`, adds];
  // Postgres stores NaN in float columns: Math.min/max return NaN for it, MIN/MAX order it above every number.
  if (typeName === 'Float' && /postgres|cockroach/.test(provider ?? '')) {
    return [`a NaN in \`${part.field}\` makes Math.${part.op} NaN, while ${part.op.toUpperCase()} ranks NaN above every number`];
  }
  return [];
}

type FieldCheck = { ok: true; f: FieldFacts; provider: string | undefined } | { ok: false; reason: string; suggestion: string };

/** An Int or Float field of the load's model, whose values and aggregates are JS numbers; or why not. */
function numberField(load: PrismaLoad, ctx: RuleContext, field: string, byHand: string): FieldCheck {
  const schema = prismaFacts(ctx);
  if (!schema) {
    return { ok: false, reason: `no Prisma schema was found, so pushdown cannot tell whether \`${field}\` is an Int or Float (Decimal and BigInt values add up differently in JS)`, suggestion: `${byHand}, or pass --schema` };
  }
  const model = schema.models.get(load.model);
  if (!model) return { ok: false, reason: `the schema (${schema.source}) has no model \`${load.model}\``, suggestion: byHand };
  const f = model.fields.get(field);
  if (!f || !f.isScalar || f.isList) {
    return {
      ok: false,
      reason: `\`${field}\` is ${f ? (f.isList ? 'a list' : `a ${f.isRelation ? 'relation' : f.typeName}`) : `not a field of ${model.name}`}, not a number column`,
      suggestion: f?.isRelation ? `aggregate the related model's own number field with its \`aggregate()\`` : 'check the code: it does not add numbers stored in this table',
    };
  }
  if (f.typeName === 'Decimal') {
    return {
      ok: false,
      reason: `\`${field}\` is a Decimal: each row holds a Prisma.Decimal object, which \`+\` and Math.max turn into a string or a float, while the aggregate returns an exact Prisma.Decimal`,
      suggestion: `${byHand}; it is a Prisma.Decimal, so add with Decimal arithmetic (\`.plus()\`), not \`+\``,
    };
  }
  if (f.typeName === 'BigInt') {
    return {
      ok: false,
      reason: `\`${field}\` is a BigInt: each row holds a bigint, which cannot be mixed with a number literal, and the aggregate returns a bigint`,
      suggestion: `${byHand}, starting from \`0n\``,
    };
  }
  if (!NUMBER_TYPES.has(f.typeName)) {
    return { ok: false, reason: `\`${field}\` is a ${f.typeName}, not an Int or Float`, suggestion: `check the code: \`+\` and Math.max on a ${f.typeName} do not add or compare numbers the way SQL does` };
  }
  return { ok: true, f, provider: schema.provider };
}

type ArgsText = { ok: true; text?: string } | { ok: false; reason: string };

/** The findMany arguments aggregate() keeps, as object text (undefined: none), or why they cannot be carried. */
function aggregateArgs(load: PrismaLoad, ctx: RuleContext, fields: readonly string[]): ArgsText {
  const args = load.args;
  if (args.kind === 'none') return { ok: true };
  if (args.kind === 'unknown') return { ok: false, reason: `the findMany arguments are ${args.reason}, so pushdown cannot tell which of them aggregate() accepts` };
  const keys = [...args.props.keys()];
  const unknown = keys.filter((k) => !ROWS.has(k) && !SHAPE.has(k) && k !== 'orderBy' && k !== 'distinct');
  if (unknown.length > 0) return { ok: false, reason: `findMany has argument(s) pushdown does not know: ${unknown.join(', ')}` };
  if (args.props.has('distinct')) return { ok: false, reason: 'the query uses `distinct`, and Prisma\'s aggregate() has none' };
  const select = args.props.get('select');
  if (select) {
    const value = select.value;
    const picks = (field: string) =>
      value.type === 'ObjectExpression' &&
      value.properties.some((p) => p.type === 'ObjectProperty' && propertyName(p) === field && p.value.type === 'BooleanLiteral' && p.value.value);
    const missed = fields.find((field) => !picks(field));
    if (missed !== undefined) return { ok: false, reason: `the query's \`select\` does not plainly pick \`${missed}\`` };
  }
  const ordered = args.props.has('cursor') || args.props.has('take') || args.props.has('skip');
  const keep = (name: string) => ROWS.has(name) || (name === 'orderBy' && ordered);
  if (args.kind === 'ref') {
    const dropped = keys.filter((k) => !keep(k));
    if (dropped.length > 0) return { ok: false, reason: `the findMany arguments come from \`${textOf(ctx.source, args.node)}\`, which also carries ${dropped.join(', ')}` };
    return { ok: true, text: `{ ...${textOf(ctx.source, args.node)} }` };
  }
  return { ok: true, text: objectTextKeeping(ctx.source, args.node, (p) => keep(propertyName(p) ?? '')) };
}

/** Object text with one more property, keeping its layout. */
function withProperty(objectText: string, property: string): string {
  const node = parseExpression(objectText, { plugins: ['typescript'] }) as ObjectExpression;
  return objectTextAdding(objectText, node, property);
}
