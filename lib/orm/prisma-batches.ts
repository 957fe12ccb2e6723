/**
 * Prisma: walking a findMany's rows in keyset batches.
 *
 * Each batch is the same findMany narrowed to keys past the last one seen,
 * ordered by the key, `take: N`:
 *   findMany({ where: { AND: [w, after === undefined ? {} : { id: { gt: after } }] }, orderBy: { id: 'asc' }, take: N })
 * Never Prisma's `cursor`: a cursor row that was deleted or no longer matches
 * `where` silently ends the walk (prisma#21820, #3362).
 *
 * The key is the model's single-field id per the schema (with none, `id`,
 * assumed to be a number, and the message says so). An orderBy on the key
 * itself is kept (descending walks with `lt`); any other orderBy, take, skip,
 * cursor and distinct are declined, as is a select or omit that would leave
 * the key out of the rows (adding it would change the rows the loop sees).
 */
import type { Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../rule.js';
import { propertyName, textOf } from '../text.js';
import type { KeysetEmit, Load } from './types.js';

/** findMany arguments that only shape each row: kept as they are. */
const ROW_SHAPE = new Set(['select', 'include', 'omit', 'relationLoadStrategy']);
/** Arguments that bound or page the rows: a batched walk cannot keep their meaning. */
const PAGING = new Set(['take', 'skip', 'cursor', 'distinct']);

const TS_TYPE: Record<string, string> = { Int: 'number', Float: 'number', BigInt: 'bigint', String: 'string', DateTime: 'Date' };

export function prismaKeysetBatches(load: Load, ctx: RuleContext, batchSize: number): KeysetEmit {
  const receiver = textOf(ctx.source, load.receiver);
  const key = keyOf(load, ctx);
  if (!key.ok) return key;
  const args = load.args;
  if (args.kind === 'unknown' || args.kind === 'ref') {
    return {
      ok: false,
      reason: args.kind === 'unknown' ? `the findMany arguments are ${args.reason}, so pushdown cannot tell what they page or order` : `the findMany arguments come from \`${textOf(ctx.source, args.node)}\`, which pushdown does not edit`,
      suggestion: `write the batches by hand: \`findMany({ where: { AND: [where, { ${key.field}: { gt: last } }] }, orderBy: { ${key.field}: 'asc' }, take: ${batchSize} })\` until a batch comes back short`,
    };
  }
  const props = args.kind === 'object' ? args.props : new Map<string, ObjectProperty>();
  const unknown = [...props.keys()].filter((k) => k !== 'where' && k !== 'orderBy' && !ROW_SHAPE.has(k) && !PAGING.has(k));
  if (unknown.length > 0) {
    return { ok: false, reason: `findMany has argument(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: 'batch by hand if they mean the same per batch' };
  }
  const paging = [...props.keys()].filter((k) => PAGING.has(k));
  if (paging.length > 0) {
    return {
      ok: false,
      reason: `the query has ${paging.map((k) => `\`${k}\``).join(', ')}, which batches cannot keep (each batch pages on the key)`,
      suggestion: paging.includes('distinct') ? 'batch by hand on the distinct fields, or keep the load if the distinct set is small' : 'keep the load if the page is small; otherwise page by hand on the key',
    };
  }

  // The key must be in every row: the next batch starts after the last row's key.
  const select = props.get('select');
  if (select && !selects(select.value, key.field)) {
    return {
      ok: false,
      reason: `\`select\` does not select \`${key.field}\`, which each batch needs to find the next one, and adding it would change the rows the loop sees`,
      suggestion: `add \`${key.field}: true\` to the select and run pushdown again`,
    };
  }
  const omit = props.get('omit');
  if (omit && !omits(omit.value, key.field)) {
    return {
      ok: false,
      reason: `\`omit\` may leave \`${key.field}\` out of the rows, and each batch needs it to find the next one`,
      suggestion: `do not omit \`${key.field}\`, and run pushdown again`,
    };
  }

  let direction: 'asc' | 'desc' = 'asc';
  const orderBy = props.get('orderBy');
  if (orderBy) {
    const d = orderOnKeyOnly(orderBy.value, key.field);
    if (!d) {
      return {
        ok: false,
        reason: `the rows are ordered by something besides \`${key.field}\`, and pushdown batches only on the key`,
        suggestion: `batch by hand on (${'<ordered fields>'}, ${key.field}): where the ordered fields are non-null, \`OR: [{ f: { gt: lastF } }, { f: lastF, ${key.field}: { gt: lastId } }]\``,
      };
    }
    direction = d;
  }

  const where = props.get('where');
  const whereText = where ? ctx.text(where.value) : undefined;
  const kept = args.kind === 'object' ? args.node.properties.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && ROW_SHAPE.has(propertyName(p) ?? '')) : [];
  const op = direction === 'asc' ? 'gt' : 'lt';
  return {
    ok: true,
    keyType: key.type,
    order: `\`${key.field}\` ${direction === 'asc' ? 'ascending' : 'descending'}`,
    tier: 'review',
    note: key.assumed ? `no Prisma schema was found, so the key is assumed to be \`${key.field}\`, a number: check it is the model's id` : undefined,
    keyOf: (row) => `${row}.${key.field}`,
    query(after, indent) {
      const past = `${after} === undefined ? {} : { ${key.field}: { ${op}: ${after} } }`;
      const lines = [
        whereText === undefined ? `where: ${past}` : `where: { AND: [${where && isObjectLiteral(where.value) ? whereText : `${whereText} ?? {}`}, ${past}] }`,
        ...kept.map((p) => ctx.text(p)),
        `orderBy: { ${key.field}: '${direction}' }`,
        `take: ${batchSize}`,
      ];
      return `${receiver}.findMany({\n${lines.map((l) => `${indent}  ${l},\n`).join('')}${indent}})`;
    },
  };
}

type Key = { ok: true; field: string; type: string; assumed: boolean } | { ok: false; reason: string; suggestion: string };

function keyOf(load: Load, ctx: RuleContext): Key {
  const schema = ctx.options.schema;
  if (!schema) return { ok: true, field: 'id', type: 'number', assumed: true };
  const model = schema.models.get(load.model);
  if (!model) return { ok: false, reason: `the schema has no model \`${load.model}\``, suggestion: 'point pushdown at the right schema with --schema' };
  const field = model.idField ? model.fields.get(model.idField) : undefined;
  if (!field) {
    return {
      ok: false,
      reason: `model ${model.name} has no single-field id to batch on`,
      suggestion: 'batch by hand on a unique, non-null field (or the fields of the compound id)',
    };
  }
  const type = TS_TYPE[field.type];
  if (!type) return { ok: false, reason: `the id \`${field.name}\` is a ${field.type}, which pushdown does not batch on`, suggestion: 'batch by hand on the id' };
  return { ok: true, field: field.name, type, assumed: false };
}

function isObjectLiteral(node: Node): boolean {
  return node.type === 'ObjectExpression';
}

function literalTrue(obj: ObjectExpression, field: string): boolean | undefined {
  for (const p of obj.properties) {
    if (p.type !== 'ObjectProperty') return undefined; // a spread may set it either way
    if (propertyName(p) === field) return p.value.type === 'BooleanLiteral' ? p.value.value : undefined;
  }
  return false;
}

/** Does `select: {...}` surely select the key? */
function selects(value: Node, field: string): boolean {
  return value.type === 'ObjectExpression' && literalTrue(value, field) === true;
}

/** Does `omit: {...}` surely keep the key? */
function omits(value: Node, field: string): boolean {
  return value.type === 'ObjectExpression' && literalTrue(value, field) === false;
}

/** `{ id: 'asc' }` or `[{ id: 'desc' }]`: the direction, when the key is the only thing ordered by. */
function orderOnKeyOnly(value: Node, field: string): 'asc' | 'desc' | undefined {
  let obj: Expression | Node = value;
  if (obj.type === 'ArrayExpression') {
    if (obj.elements.length !== 1 || !obj.elements[0]) return undefined;
    obj = obj.elements[0];
  }
  if (obj.type !== 'ObjectExpression' || obj.properties.length !== 1) return undefined;
  const p = obj.properties[0];
  if (p.type !== 'ObjectProperty' || propertyName(p) !== field || p.value.type !== 'StringLiteral') return undefined;
  return p.value.value === 'asc' || p.value.value === 'desc' ? p.value.value : undefined;
}
