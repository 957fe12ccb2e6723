/**
 * Prisma: the per-row query of an N+1 loop, and the one query that replaces it.
 *
 * A keyed query is `<client>.<model>.findMany | findUnique | findFirst({ where:
 * { field: value, ... }, ... })`: its top-level where entries with a plain
 * value pin fields to one value each. For a list of keys, the same query
 * with `field: { in: keys }` reads the rows of every key at once (findMany),
 * and grouping them by `field` gives each key the rows its own query read:
 * - the other where entries, select, include, omit and relationLoadStrategy
 *   mean the same for every key, and an orderBy orders each group as it
 *   ordered each query (grouping keeps the order);
 * - take, skip, cursor and distinct limit each query's rows, and one query
 *   cannot limit per key: declined. So is findFirst on a field that is not
 *   unique (the first row per key is a per-key limit).
 * - findUnique/findFirst on a unique field read at most one row per key: the
 *   group is that row, and a key with none gives null, as before.
 * Grouping compares keys with JavaScript's SameValueZero, the database with
 * `=`: they agree for Int and for String under a binary collation (SQLite,
 * PostgreSQL's default; noted for review). DateTime, Decimal, Bytes and Json
 * values are objects (compared by identity), Float keys are unusual, BigInt
 * keys are not proven yet: declined.
 * A key list `in: []` reads no row (Prisma answers it without a query).
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, MemberExpression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import { calledMethod, memberName } from '../core/shapes.js';
import type { RuleContext } from '../../rule.js';
import { propertyName, textOf } from '../../text.js';
import type { FieldFacts, ModelFacts } from '../core/facts.js';
import type { Dialect, InQueryEmit, KeyedQuery, RowKeyEmit } from '../core/types.js';
import { prismaFacts, type PrismaLoad } from './load.js';

const KEYED_METHODS: Record<string, KeyedQuery['returns']> = { findMany: 'rows', findUnique: 'row', findFirst: 'row' };
/** Arguments that mean the same for a list of keys as for one key. */
const SAME_FOR_EVERY_KEY = new Set(['where', 'orderBy', 'select', 'include', 'omit', 'relationLoadStrategy']);
/** Arguments that limit each key's rows: one query cannot say them per key. */
const PER_KEY_LIMITS = new Set(['take', 'skip', 'cursor', 'distinct']);
/** Key types whose JavaScript values compare like the database compares them, and their TypeScript types. */
const GROUPABLE: Partial<Record<string, string>> = { int: 'number', string: 'string' };
/** Providers whose default string comparison is exact (binary): `=` agrees with `===`. */
const EXACT_STRINGS = /^(sqlite|postgresql|postgres)$/;

const READS = new Set(['findMany', 'findFirst', 'findUnique', 'findFirstOrThrow', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy']);

/** `<client>.<model>.<method>(...)` or `<client>.$method(...)`, given the dialect's client test. */
function clientCall(path: NodePath<CallExpression>, isClient: (p: NodePath<Expression>) => boolean): { model?: string; method: string; receiver: Expression } | undefined {
  const callee = path.node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  const method = callee.property.name;
  const calleePath = path.get('callee') as NodePath;
  if (method.startsWith('$')) {
    const client = calleePath.get('object') as NodePath<Expression>;
    return isClient(client) ? { method, receiver: callee.object as Expression } : undefined;
  }
  const receiver = callee.object;
  if (receiver.type !== 'MemberExpression' || receiver.computed || receiver.property.type !== 'Identifier' || receiver.property.name.startsWith('$')) return undefined;
  const client = calleePath.get('object.object') as NodePath<Expression>;
  if (!isClient(client)) return undefined;
  return { model: receiver.property.name, method, receiver };
}

/** prismaMatchKeyedQuery's conditions that need no binding, given the dialect's test of what can be a client by its shape. */
export function prismaMayMatchKeyedQuery(call: CallExpression, mayBeClient: (node: Node) => boolean): boolean {
  const method = calledMethod(call);
  if (method === undefined || method.startsWith('$') || !KEYED_METHODS[method]) return false;
  const receiver = (call.callee as MemberExpression).object;
  const model = memberName(receiver);
  if (model === undefined || model.startsWith('$')) return false;
  if (call.arguments.length !== 1 || call.arguments[0].type !== 'ObjectExpression') return false;
  return mayBeClient((receiver as MemberExpression).object);
}

export function prismaMatchKeyedQuery(
  dialect: Dialect,
  path: NodePath<CallExpression>,
  isClient: (p: NodePath<Expression>) => boolean,
  readObject: (obj: ObjectExpression) => { kind: string; props?: ReadonlyMap<string, ObjectProperty> },
): KeyedQuery | null {
  const call = clientCall(path, isClient);
  if (!call?.model) return null;
  const returns = KEYED_METHODS[call.method];
  if (!returns) return null;
  const args = path.node.arguments;
  if (args.length !== 1 || args[0].type !== 'ObjectExpression') return null;
  const read = readObject(args[0]);
  const where = read.props?.get('where');
  if (!where || where.value.type !== 'ObjectExpression') return null;
  const whereRead = readObject(where.value);
  if (!whereRead.props) return null;
  const pins: { field: string; value: NodePath<Expression> }[] = [];
  const wherePath = (path.get('arguments.0') as NodePath<ObjectExpression>).get('properties').find((p) => p.node === where)!;
  for (const prop of (wherePath.get('value') as NodePath<ObjectExpression>).get('properties')) {
    if (!prop.isObjectProperty()) continue;
    const field = propertyName(prop.node);
    if (!field || field === 'AND' || field === 'OR' || field === 'NOT') continue;
    const v = prop.node.value;
    if (v.type === 'ObjectExpression' || v.type === 'ArrayExpression' || v.type === 'NullLiteral' || (v.type === 'Identifier' && v.name === 'undefined')) continue;
    pins.push({ field, value: prop.get('value') as NodePath<Expression> });
  }
  return { dialect, call: path, model: call.model, returns, pins };
}

export function prismaQueryKind(path: NodePath<CallExpression>, isClient: (p: NodePath<Expression>) => boolean): 'read' | 'write' | undefined {
  const call = clientCall(path, isClient);
  if (!call) return undefined;
  if (!call.model) return call.method === '$disconnect' || call.method === '$connect' ? 'read' : 'write'; // $queryRaw may run any SQL; $transaction writes
  return READS.has(call.method) ? 'read' : 'write';
}

function schemaField(ctx: RuleContext, model: string, field: string): { model?: ModelFacts; field?: FieldFacts } {
  const m = prismaFacts(ctx)?.models.get(model);
  return { model: m, field: m?.fields.get(field) };
}

/** Is `field` among what `select`/`omit` leave on the rows? undefined: cannot tell. */
function carried(props: ReadonlyMap<string, ObjectProperty>, field: string): boolean | undefined {
  const select = props.get('select');
  const omit = props.get('omit');
  if (select) {
    if (select.value.type !== 'ObjectExpression') return undefined;
    const entry = select.value.properties.find((p): p is ObjectProperty => p.type === 'ObjectProperty' && propertyName(p) === field);
    if (entry) return entry.value.type === 'BooleanLiteral' ? entry.value.value : undefined;
    return select.value.properties.every((p) => p.type === 'ObjectProperty' && propertyName(p) !== undefined) ? false : undefined;
  }
  if (omit) {
    if (omit.value.type !== 'ObjectExpression') return undefined;
    const entry = omit.value.properties.find((p): p is ObjectProperty => p.type === 'ObjectProperty' && propertyName(p) === field);
    if (!entry) return omit.value.properties.every((p) => p.type === 'ObjectProperty' && propertyName(p) !== undefined) ? true : undefined;
    return entry.value.type === 'BooleanLiteral' ? !entry.value.value : undefined;
  }
  return true;
}

export function prismaRowKey(load: PrismaLoad, ctx: RuleContext, field: string): RowKeyEmit {
  const { model, field: f } = schemaField(ctx, load.model, field);
  if (!model || !f) {
    return {
      ok: false,
      reason: prismaFacts(ctx) ? `the schema has no field \`${field}\` on \`${load.model}\`, so its values may be null or undefined` : 'no Prisma schema was found, so the key may be null or undefined',
      suggestion: prismaFacts(ctx) ? 'check the field name' : 'point pushdown at the schema with --schema <path>',
    };
  }
  if (!f.isScalar || f.isList) return { ok: false, reason: `\`${load.model}.${field}\` is not a scalar field`, suggestion: 'key the query by a scalar field' };
  if (f.nullable) {
    return {
      ok: false,
      reason: `\`${load.model}.${field}\` is optional: a null key reads rows differently in one query (\`in\` never matches NULL, \`field: null\` does)`,
      suggestion: 'filter out null keys first, or rewrite by hand',
    };
  }
  const args = load.args;
  if (args.kind === 'unknown') return { ok: false, reason: `the list's query arguments are ${args.reason}, so pushdown cannot tell whether its rows carry \`${field}\``, suggestion: 'rewrite by hand' };
  if (args.kind !== 'none' && carried(args.props, field) !== true) {
    return { ok: false, reason: `the list's rows may not carry \`${field}\` (its select/omit leave it out), so the key may be undefined`, suggestion: `select \`${field}\` in the list's query` };
  }
  return { ok: true, type: f.type, distinct: f.isUnique };
}

export function prismaInQuery(query: KeyedQuery, ctx: RuleContext, field: string, readObject: (obj: ObjectExpression) => { kind: string; props?: ReadonlyMap<string, ObjectProperty>; reason?: string }): InQueryEmit {
  const source = ctx.source;
  const callee = query.call.node.callee as Extract<Node, { type: 'MemberExpression' }>;
  const receiver = textOf(source, callee.object);
  const method = (callee.property as { name: string }).name;
  const argsNode = query.call.node.arguments[0] as ObjectExpression;
  const read = readObject(argsNode);
  const props = read.props;
  if (!props) return { ok: false, reason: `the per-row query's arguments are ${read.reason ?? 'unreadable'}`, suggestion: 'rewrite by hand' };
  const limits = [...props.keys()].filter((k) => PER_KEY_LIMITS.has(k));
  if (limits.length > 0) {
    return {
      ok: false,
      reason: `the per-row query limits each row's results with ${limits.map((k) => `\`${k}\``).join(', ')}, which one query for every key cannot say per key`,
      suggestion: `batch it by hand: \`${receiver}.findMany({ where: { ${field}: { in: keys } } })\` without the limit, then limit each group in code (or a window function in raw SQL)`,
    };
  }
  const unknown = [...props.keys()].filter((k) => !SAME_FOR_EVERY_KEY.has(k));
  if (unknown.length > 0) return { ok: false, reason: `the per-row query has argument(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: 'rewrite by hand' };
  const { model, field: f } = schemaField(ctx, query.model, field);
  if (!model || !f) {
    return {
      ok: false,
      reason: prismaFacts(ctx) ? `the schema has no field \`${field}\` on \`${query.model}\`` : "no Prisma schema was found, so pushdown cannot tell the key's type",
      suggestion: prismaFacts(ctx) ? 'check the field name' : 'point pushdown at the schema with --schema <path>',
    };
  }
  if (!f.isScalar || f.isList) return { ok: false, reason: `\`${query.model}.${field}\` is not a scalar field`, suggestion: 'rewrite by hand' };
  const tsType = GROUPABLE[f.type];
  if (!tsType) {
    return {
      ok: false,
      reason:
        f.type === 'date' || f.type === 'decimal' || f.type === 'bytes' || f.type === 'json'
          ? `the key \`${field}\` is a ${f.typeName}, an object in JavaScript: a Map compares objects by identity, not by value`
          : `grouping by a ${f.typeName} key is not proven to match the database's comparison`,
      suggestion: `read every key at once with \`${receiver}.findMany({ where: { ${field}: { in: keys } } })\` and group by a string form of the key`,
    };
  }
  const notes: string[] = [];
  if (f.type === 'string') {
    const provider = prismaFacts(ctx)?.provider ?? '';
    if (!EXACT_STRINGS.test(provider)) {
      return {
        ok: false,
        reason: `the key \`${field}\` is a String, and on ${provider || 'this database'} \`=\` may ignore case, accents or trailing spaces (collation) while grouping in JavaScript does not`,
        suggestion: `read every key at once and group by the key normalised as the collation compares it`,
      };
    }
    notes.push('string keys are grouped exactly (===): check that the column uses the default, case-sensitive collation');
  }
  const unique = f.isUnique;
  if (query.returns === 'row' && !unique) {
    return {
      ok: false,
      reason: `the per-row query reads the first row whose \`${field}\` matches, and \`${field}\` is not unique: a first row per key cannot be said in one query`,
      suggestion: `read every key's rows at once (\`${field}: { in: keys }\`, same orderBy) and keep the first of each group, if the extra rows are affordable`,
    };
  }
  const present = carried(props, field);
  if (present !== true) {
    return {
      ok: false,
      reason: `the per-row query's select/omit leave out \`${field}\`, which the rows must carry to be grouped`,
      suggestion: `add \`${field}: true\` to its select if the rows may carry it`,
    };
  }
  if (query.returns === 'rows' && !props.has('orderBy')) notes.push('the per-row query has no orderBy: each key\'s rows now come in the order the database returns them for the list, which may differ');
  else if (query.returns === 'rows' && !endsWithUniqueOrder(props.get('orderBy')!, model)) notes.push('rows that tie on the orderBy may come in another order within a key');
  if (method !== 'findMany' && ctx.options.queryHooks) notes.push(`this project hooks queries per operation: a hook for \`${method}\` does not run for \`findMany\``);

  // The call's text with the pin's value replaced by `{ in: keys }` and the method by findMany.
  const pin = query.pins.find((p) => p.field === field)!;
  const start = query.call.node.start ?? 0;
  const cut = (n: Node) => [(n.start ?? 0) - start, (n.end ?? 0) - start] as const;
  const callText = textOf(source, query.call.node);
  const [vs, ve] = cut(pin.value.node);
  const [ms, me] = cut(callee.property);
  const withMethod = (text: string) => text.slice(0, ms) + 'findMany' + text.slice(me);
  const code = (keys: string) => withMethod(callText.slice(0, vs) + `{ in: ${keys} }` + callText.slice(ve));
  void argsNode;
  // Prisma splits a long `in` list into several queries by itself, but not
  // under an orderBy: there it throws (P2029) past the database's parameter limit.
  const chunk = props.has('orderBy') ? Math.floor(bindLimit(prismaFacts(ctx)?.provider) / 2) : undefined;
  if (chunk) notes.push(`the keys go in lists of ${chunk} (half the database's parameter limit): other list values in the filter count toward that limit too`);
  return { ok: true, query: code, chunk, type: f.type, tsType, unique, notes };
}

/** Bind values one statement may carry, per provider (Prisma 7's own limits; 999, SQLite's, when unknown). */
function bindLimit(provider: string | undefined): number {
  switch (provider) {
    case 'postgresql':
    case 'postgres':
    case 'cockroachdb':
      return 32766;
    case 'mysql':
      return 65535;
    case 'sqlserver':
      return 2098;
    default:
      return 999;
  }
}

/** Does the orderBy end with the model's id or a unique required field (so no two rows tie)? */
function endsWithUniqueOrder(orderBy: ObjectProperty, model: ModelFacts): boolean {
  const v = orderBy.value;
  const last = v.type === 'ArrayExpression' ? v.elements[v.elements.length - 1] : v;
  if (!last || last.type !== 'ObjectExpression' || last.properties.length !== 1) return false;
  const p = last.properties[0];
  if (p.type !== 'ObjectProperty') return false;
  const name = propertyName(p);
  const f = name ? model.fields.get(name) : undefined;
  return !!f && f.isUnique && !f.nullable && (p.value.type === 'StringLiteral' || p.value.type === 'Identifier');
}
