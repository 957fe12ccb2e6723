/**
 * Prisma: walking a findMany's rows in keyset batches.
 *
 * Each batch is the same findMany narrowed to keys past the last one seen,
 * ordered by the key, `take: N`:
 *   findMany({ where: { AND: [w, after === undefined ? {} : { id: { gt: after } }] }, orderBy: { id: 'asc' }, take: N })
 * Never Prisma's `cursor`: a cursor row that was deleted or no longer matches
 * `where` silently ends the walk (prisma#21820, #3362).
 *
 * The key is the model's single-field id per the schema. With no schema the
 * key and its type are unknown, and it declines: a guessed `id: number` fails
 * to compile on a `String @id` (issue 13). An orderBy on the key
 * itself is kept (descending walks with `lt`). An orderBy on other fields
 * becomes a composite keyset with the key as tie-breaker, remembering the
 * last row:
 *   orderBy: [{ age: 'desc' }, { id: 'asc' }],
 *   where: { AND: [w, last === undefined ? {} : { OR: [{ age: { lt: last.age } }, { age: last.age, id: { gt: last.id } }] }] }
 * only when the schema says every ordered field is a non-null, non-list
 * Int, Float, BigInt, String or DateTime (NULLs sort and compare apart).
 * take, skip, cursor and distinct are declined, as is a select or omit that
 * would leave a keyset field out of the rows (adding it would change the rows
 * the loop sees). A multi-line where keeps its lines, one level deeper per
 * bracket; `'asc'` takes the file's quotes.
 *
 * keyBounded: a where whose top level (or a member of its AND) pins the id or
 * a unique field with `in: list` or an equality already returns at most that
 * many rows: nothing to batch.
 */
import type { Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { andObjectText, indentAt, propertyName, reindent, sourceStyle, textOf } from '../../text.js';
import type { KeysetEmit } from '../core/types.js';
import { prismaFacts, type PrismaLoad } from './load.js';
import { singleKey } from '../core/facts.js';

/** findMany arguments that only shape each row: kept as they are. */
const ROW_SHAPE = new Set(['select', 'include', 'omit', 'relationLoadStrategy']);
/** Arguments that bound or page the rows: a batched walk cannot keep their meaning. */
const PAGING = new Set(['take', 'skip', 'cursor', 'distinct']);

const TS_TYPE: Record<string, string> = { Int: 'number', Float: 'number', BigInt: 'bigint', String: 'string', DateTime: 'Date' };

type Direction = 'asc' | 'desc';
interface Ordered {
  field: string;
  direction: Direction;
  type: string;
}

export function prismaKeysetBatches(load: PrismaLoad, ctx: RuleContext, batchSize: number): KeysetEmit {
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

  let keyset: Ordered[] = [{ field: key.field, direction: 'asc', type: key.type }];
  const orderBy = props.get('orderBy');
  if (orderBy) {
    const ordered = orderedFields(orderBy.value, load, ctx, key);
    if (!ordered.ok) return ordered;
    keyset = ordered.fields;
  }

  // Every keyset field must be in every row: the next batch starts after the last row's values.
  const select = props.get('select');
  const unselected = select ? keyset.filter((k) => !selects(select.value, k.field)) : [];
  if (unselected.length > 0) {
    const names = unselected.map((k) => `\`${k.field}\``).join(', ');
    return {
      ok: false,
      reason: `\`select\` does not select ${names}, which each batch needs to find the next one, and adding it would change the rows the loop sees`,
      suggestion: `add ${unselected.map((k) => `\`${k.field}: true\``).join(', ')} to the select and run pushdown again`,
    };
  }
  const omit = props.get('omit');
  const omitted = omit ? keyset.filter((k) => !omits(omit.value, k.field)) : [];
  if (omitted.length > 0) {
    return {
      ok: false,
      reason: `\`omit\` may leave ${omitted.map((k) => `\`${k.field}\``).join(', ')} out of the rows, and each batch needs it to find the next one`,
      suggestion: 'do not omit the key or the ordered fields, and run pushdown again',
    };
  }

  const where = props.get('where');
  const whereText = where ? ctx.text(where.value) : undefined;
  const whereIndent = where ? indentAt(ctx.source, where.start ?? 0) : '';
  const { quote: q, trailingComma } = sourceStyle(ctx.ast, ctx.source);
  const kept = args.kind === 'object' ? args.node.properties.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && ROW_SHAPE.has(propertyName(p) ?? '')) : [];
  const single = keyset.length === 1;
  const cursorName = single ? 'after' : 'last';
  const op = (d: Direction) => (d === 'asc' ? 'gt' : 'lt');
  const orderText = single ? `{ ${key.field}: ${q}${keyset[0].direction}${q} }` : `[${keyset.map((k) => `{ ${k.field}: ${q}${k.direction}${q} }`).join(', ')}]`;
  return {
    ok: true,
    cursorName,
    cursorType: single ? key.type : `{ ${keyset.map((k) => `${k.field}: ${k.type}`).join('; ')} }`,
    order: keyset.map((k) => `\`${k.field}\` ${k.direction === 'asc' ? 'ascending' : 'descending'}`).join(', then '),
    tier: 'review',
    cursorOf: (row) => (single ? `${row}.${key.field}` : row),
    keyFields: keyset.map((k) => k.field),
    query(cursor, indent) {
      const past = single
        ? `{ ${key.field}: { ${op(keyset[0].direction)}: ${cursor} } }`
        : `{ OR: [${keyset.map((k, i) => `{ ${[...keyset.slice(0, i).map((e) => `${e.field}: ${cursor}.${e.field}`), `${k.field}: { ${op(k.direction)}: ${cursor}.${k.field} }`].join(', ')} }`).join(', ')}] }`;
      const after = `${cursor} === undefined ? {} : ${past}`;
      const at = `${indent}  `;
      const original = where && isObjectLiteral(where.value) ? whereText : `${whereText} ?? {}`;
      const lines = [
        whereText === undefined ? `where: ${after}` : `where: ${andObjectText([{ text: original ?? '', from: whereIndent }, { text: after, from: at }], at)}`,
        ...kept.map((p) => reindent(ctx.text(p), indentAt(ctx.source, p.start ?? 0), at)),
        `orderBy: ${orderText}`,
        `take: ${batchSize}`,
      ];
      return `${receiver}.findMany({\n${lines.map((l, i) => `${indent}  ${l}${i < lines.length - 1 || trailingComma ? ',' : ''}\n`).join('')}${indent}})`;
    },
  };
}

type Key = { ok: true; field: string; type: string } | { ok: false; reason: string; suggestion: string };

function keyOf(load: PrismaLoad, ctx: RuleContext): Key {
  const schema = prismaFacts(ctx);
  if (!schema) {
    return {
      ok: false,
      reason: 'no Prisma schema was found, so the key to batch on and its type are unknown (pushdown does not guess them)',
      suggestion: 'point pushdown at the schema with --schema <path> (in a monorepo, the schema of the package that owns the client), or run it from the repository root',
    };
  }
  const model = schema.models.get(load.model);
  if (!model) return { ok: false, reason: `the schema has no model \`${load.model}\``, suggestion: 'point pushdown at the right schema with --schema' };
  const id = singleKey(model);
  const field = id ? model.fields.get(id) : undefined;
  if (!field) {
    return {
      ok: false,
      reason: `model ${model.name} has no single-field id to batch on`,
      suggestion: 'batch by hand on a unique, non-null field (or the fields of the compound id)',
    };
  }
  const type = TS_TYPE[field.typeName];
  if (!type) return { ok: false, reason: `the id \`${field.name}\` is a ${field.typeName}, which pushdown does not batch on`, suggestion: 'batch by hand on the id' };
  return { ok: true, field: field.name, type };
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

type OrderedResult = { ok: true; fields: Ordered[] } | { ok: false; reason: string; suggestion: string };

/**
 * The keyset for an orderBy: its fields, then the key ascending (unless the
 * key is already the last field ordered by). Only plain `{ field: 'asc' | 'desc' }`
 * entries on non-null scalar fields the schema knows qualify.
 */
function orderedFields(value: Node, load: PrismaLoad, ctx: RuleContext, key: { field: string; type: string }): OrderedResult {
  const entries: Node[] = value.type === 'ArrayExpression' ? value.elements.map((e) => e ?? value) : [value];
  const fields: Ordered[] = [];
  const manual = `batch by hand on (${'the ordered fields'}, ${key.field}) with a where such as \`OR: [{ f: { gt: last.f } }, { f: last.f, ${key.field}: { gt: last.${key.field} } }]\``;
  for (const e of entries) {
    const p = e.type === 'ObjectExpression' && e.properties.length === 1 ? e.properties[0] : undefined;
    const field = p && p.type === 'ObjectProperty' ? propertyName(p) : undefined;
    const direction = p && p.type === 'ObjectProperty' && p.value.type === 'StringLiteral' && (p.value.value === 'asc' || p.value.value === 'desc') ? p.value.value : undefined;
    if (!field || !direction) {
      return { ok: false, reason: `pushdown reads only orderBy entries of the form \`{ field: 'asc' | 'desc' }\`, not \`${textOf(ctx.source, e)}\``, suggestion: manual };
    }
    if (fields.some((f) => f.field === key.field)) {
      return { ok: false, reason: `the rows are ordered by fields after \`${key.field}\``, suggestion: `drop the fields after \`${key.field}\` from orderBy (they order nothing) and run pushdown again` };
    }
    if (field === key.field) {
      fields.push({ field, direction, type: key.type });
      continue;
    }
    const model = prismaFacts(ctx)?.models.get(load.model);
    if (!model) {
      return {
        ok: false,
        reason: `the rows are ordered by \`${field}\`, and without the Prisma schema pushdown cannot tell whether it may be NULL (NULLs sort and compare apart, so a keyset on it would skip rows)`,
        suggestion: `point pushdown at the schema with --schema, or ${manual}`,
      };
    }
    const f = model.fields.get(field);
    const type = f && f.isScalar && !f.isList && !f.isRelation ? TS_TYPE[f.typeName] : undefined;
    if (!f || !type) {
      return { ok: false, reason: `the rows are ordered by \`${field}\`, which is not a number, string or date field of ${model.name}`, suggestion: manual };
    }
    if (f.nullable) {
      return {
        ok: false,
        reason: `the rows are ordered by \`${field}\`, which may be NULL: NULLs sort apart and match no comparison, so a keyset on it would skip rows`,
        suggestion: `${manual}, handling NULLs separately`,
      };
    }
    fields.push({ field, direction, type });
  }
  if (!fields.some((f) => f.field === key.field)) fields.push({ field: key.field, direction: 'asc', type: key.type });
  return { ok: true, fields };
}

export function prismaKeyBounded(load: PrismaLoad, ctx: RuleContext): boolean {
  const args = load.args;
  if (args.kind !== 'object' && args.kind !== 'ref') return false;
  const where = args.props.get('where');
  if (!where) return false;
  const model = prismaFacts(ctx)?.models.get(load.model);
  const pin = (name: string): Pin | undefined => {
    if (!model) return name === 'id' ? 'value' : undefined;
    const f = model.fields.get(name);
    if (!f || !(f.isId || f.isUnique) || f.isList || f.isRelation) return undefined;
    // A nullable unique field equal to null matches every NULL row.
    return f.nullable ? 'list' : 'value';
  };
  return boundsRows(where.value, pin);
}

/** How a field bounds the rows: by a list of values only (`in`), or also by one value. */
type Pin = 'list' | 'value';

function boundsRows(node: Node, pin: (name: string) => Pin | undefined): boolean {
  if (node.type !== 'ObjectExpression') return false;
  for (const p of node.properties) {
    if (p.type !== 'ObjectProperty') continue;
    const name = propertyName(p);
    if (name === undefined) continue;
    if (name === 'AND') {
      const v = p.value;
      const members = v.type === 'ArrayExpression' ? v.elements : [v];
      if (members.some((m) => !!m && m.type !== 'SpreadElement' && boundsRows(m, pin))) return true;
      continue;
    }
    const how = pin(name);
    if (how && pinsValues(p.value, how)) return true;
  }
  return false;
}

/** `{ in: list }`, `{ equals: v }` or a plain value `v` (an equality), not null. */
function pinsValues(value: Node, how: Pin): boolean {
  const isNull = (n: Node) => n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined');
  if (value.type === 'ObjectExpression') {
    return value.properties.some((q) => {
      if (q.type !== 'ObjectProperty' || isNull(q.value)) return false;
      const op = propertyName(q);
      return op === 'in' || (op === 'equals' && how === 'value');
    });
  }
  if (how !== 'value' || isNull(value)) return false;
  return ['Identifier', 'StringLiteral', 'NumericLiteral', 'BigIntLiteral', 'TemplateLiteral', 'MemberExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(value.type);
}
