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
import { parseExpression } from '@babel/parser';
import type { ObjectExpression } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { objectTextAdding, objectTextKeeping, propertyName, textOf } from '../../text.js';
import type { AggregateOp, Emit } from '../core/types.js';
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

  const args = aggregateArgs(load, ctx, field);
  if (!args.ok) return { ok: false, reason: args.reason, suggestion: byHand };
  const argText = args.text === undefined ? `{ ${selection} }` : withProperty(args.text, selection);
  const code = `(await ${receiver}.aggregate(${argText})).${key}.${field}`;
  if (op === 'sum') {
    return {
      ok: true,
      code,
      tier: 'review',
      note: f.typeName === 'Float' ? floatSumNote(schema.provider) : 'the database adds the values as integers; a sum beyond 2^53 loses precision differently',
    };
  }
  // Postgres stores NaN in float columns: Math.min/max return NaN for it, MIN/MAX order it above every number.
  if (f.typeName === 'Float' && /postgres|cockroach/.test(schema.provider ?? '')) {
    return { ok: true, code, tier: 'review', note: `a NaN in \`${field}\` makes Math.${op} NaN, while ${op.toUpperCase()} ranks NaN above every number` };
  }
  return { ok: true, code, tier: 'safe' };
}

type ArgsText = { ok: true; text?: string } | { ok: false; reason: string };

/** The findMany arguments aggregate() keeps, as object text (undefined: none), or why they cannot be carried. */
function aggregateArgs(load: PrismaLoad, ctx: RuleContext, field: string): ArgsText {
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
    const picks =
      value.type === 'ObjectExpression' &&
      value.properties.some((p) => p.type === 'ObjectProperty' && propertyName(p) === field && p.value.type === 'BooleanLiteral' && p.value.value);
    if (!picks) return { ok: false, reason: `the query's \`select\` does not plainly pick \`${field}\`` };
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
