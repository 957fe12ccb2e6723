/**
 * The MikroORM 6 dialect: how to say count / exists / first / narrow / keyset
 * batches for `em.find(E, where, options)`, `em.findAll(E, options)`,
 * `repo.find(where, options)`, `repo.findAll(options)` (load.ts).
 *
 * What MikroORM 6 does, as pinned by __tests__/realdb-mikro-orm.test.ts:
 * - `em.count(E, where, options)` flushes pending changes like find (FlushMode
 *   AUTO), drops orderBy, and ignores limit and offset: a capped or paged load
 *   is declined. Its options take no fields, limit or lock: only the options
 *   that choose which rows (filters, schema...) are carried.
 * - `em.findOne(E, where, options)` rejects an empty where, and answers a
 *   where that is only the primary key from the identity map without a query.
 * - A partial load (`fields`) leaves partial entities in the identity map,
 *   which a later `em.populate()` takes as loaded: map-to-select declines.
 * - The EntityManager has no sum/min/max: reduce-to-aggregate declines.
 *
 * Every rewrite is review: the original load put every matching entity in
 * the identity map, and code that later reads them through an unpopulated
 * relation or `em.getReference()` finds them there; the new query loads fewer
 * (or none). Batches add `em.clear()` per batch, only when the loop writes
 * nothing (loop-writes.ts).
 */
import type { Expression, Node, ObjectProperty } from '@babel/types';
import type { FieldCompare, FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { indentAt, objectTextAdding, objectTextKeeping, propertyName, sourceStyle, textOf } from '../../text.js';
import { singleKey, type FieldFacts, type ModelFacts } from '../core/facts.js';
import type { Dialect, Emit, KeysetEmit, Load, LoadShape } from '../core/types.js';
import { dollarOrOpOperator, operatorWhereBound } from '../core/bounds.js';
import { matchMikroLoad, mayBeMikroLoad, MIKRO_ID, mikroFacts, type MikroLoad, type Options } from './load.js';
import { loopsOver, loopWrite } from './loop-writes.js';
import { mikroMessages } from './messages.js';

/** Options that only shape each row or how it is fetched: they never change which rows, or how many. */
const ROW_SHAPE = new Set(['populate', 'populateWhere', 'populateFilter', 'populateOrderBy', 'fields', 'exclude', 'strategy', 'refresh', 'convertCustomTypes', 'disableIdentityMap', 'orderBy']);
/** Options that choose rows or the context of the query: carried to every target that takes them. */
const CONTEXT = new Set(['filters', 'schema', 'flushMode', 'ctx', 'connectionType', 'logging', 'loggerContext', 'comments', 'hintComments', 'indexHint', 'cache']);
/** Options that page or cap the rows. */
const PAGING = new Set(['limit', 'offset', 'first', 'last', 'before', 'after', 'overfetch']);
/** Options that group or flag the query, or lock the rows. */
const SPECIAL = new Set(['groupBy', 'having', 'flags', 'lockMode', 'lockTableAliases']);
const KNOWN = new Set([...ROW_SHAPE, ...CONTEXT, ...PAGING, ...SPECIAL, 'where']);

const IDENTITY_MAP_NOTE =
  'the original load also put every matching entity in the identity map; check that no later code reads them from there (an unpopulated relation, em.getReference()) without loading them';
const COUNT_WHY = 'em.count counts the rows em.find would have loaded (same where and filters, pending changes flushed first); nothing is loaded';
const FIRST_WHY = 'findOne returns the entity `[0]` would have (same where, orderBy, offset and populate) and loads only that row';

const own = (load: Load) => load as MikroLoad;
const decline = (reason: string, suggestion: string): Emit & { ok: false } => ({ ok: false, reason, suggestion });

export const mikroDialect: Dialect = {
  name: MIKRO_ID,
  messages: mikroMessages,
  loadCallNames: ['find', 'findAll'],

  matchLoad(path, ctx, clientNames) {
    void ctx;
    const found = matchMikroLoad(path, clientNames);
    return found ? { ...found, dialect: mikroDialect } : null;
  },

  mayMatchLoad: (call, ctx, clientNames) => mayBeMikroLoad(call, ctx.ast, ctx.source, clientNames),

  loadShape(any: Load): LoadShape {
    const load = own(any);
    const props = load.options.kind === 'object' ? load.options.props : undefined;
    const unknown = load.options.kind === 'unknown';
    const where = load.where;
    const filtered = where !== undefined && !(where.type === 'ObjectExpression' && where.properties.length === 0);
    return {
      ordered: unknown || (props?.has('orderBy') ?? false),
      filtered: unknown || filtered,
      limited: unknown || (props?.has('limit') ?? false) || (props?.has('first') ?? false) || (props?.has('last') ?? false),
    };
  },

  model: (load, ctx) => mikroFacts(ctx)?.models.get(load.model),

  count(any, ctx) {
    const load = own(any);
    const blocked = optionsBlocking(load, ctx, 'count', [...PAGING, ...SPECIAL]);
    if (blocked) return blocked;
    return { ok: true, code: callText(load, ctx, 'count', whereText(load, ctx), keptOptions(load, ctx, CONTEXT)), tier: 'review', note: IDENTITY_MAP_NOTE, why: COUNT_WHY };
  },

  first(any, ctx) {
    const load = own(any);
    const blocked = optionsBlocking(load, ctx, 'findOne', ['first', 'last', 'before', 'after', 'overfetch']);
    if (blocked) return blocked;
    const limit = load.options.kind === 'object' ? load.options.props.get('limit') : undefined;
    if (limit) {
      const n = limit.value.type === 'NumericLiteral' ? limit.value.value : undefined;
      if (n === 0) return decline('`limit: 0` loads no rows, so the first row is always undefined', 'remove the query');
      if (n === undefined || !Number.isInteger(n) || n < 0) {
        return decline(`\`limit: ${textOf(ctx.source, limit.value)}\` is not a positive integer pushdown can read: when it is 0 there is no first row`, 'when the limit is always positive, use `findOne` with the same where and options minus the limit');
      }
    }
    if (!nonEmptyObject(load.where)) {
      return decline(
        load.where === undefined || load.where.type === 'ObjectExpression'
          ? 'the load has no filter, and em.findOne rejects an empty where'
          : `the where \`${textOf(ctx.source, load.where)}\` may be empty, and em.findOne rejects an empty where`,
        `load one row: \`(await ${textOf(ctx.source, load.receiver)}.find(${load.on === 'em' ? `${entityText(load, ctx)}, ` : ''}{}, { orderBy, limit: 1 }))[0]\``,
      );
    }
    const options = keptOptions(load, ctx, new Set([...KNOWN].filter((k) => k !== 'limit' && k !== 'where')));
    const key = singleKey(mikroFacts(ctx)?.models.get(load.model)) ?? 'id';
    const byKey = load.where?.type === 'ObjectExpression' && load.where.properties.length === 1 && load.where.properties[0].type === 'ObjectProperty' && propertyName(load.where.properties[0]) === key;
    const note = byKey ? `${IDENTITY_MAP_NOTE}; and the where is only the primary key, which em.findOne answers from the identity map without a query when that entity is already loaded` : IDENTITY_MAP_NOTE;
    return { ok: true, code: callText(load, ctx, 'findOne', whereText(load, ctx), options), tier: 'review', note, why: FIRST_WHY };
  },

  exists(any, ctx, opts) {
    const load = own(any);
    const tests = opts.tests ?? [];
    const blocked = optionsBlocking(load, ctx, 'an existence test', ['offset', 'first', 'last', 'before', 'after', 'overfetch', ...SPECIAL]);
    if (blocked) return blocked;
    const limit = load.options.kind === 'object' ? load.options.props.get('limit') : undefined;
    if (limit) {
      const positive = limit.value.type === 'NumericLiteral' && Number.isInteger(limit.value.value) && limit.value.value > 0;
      if (!positive) return decline(`the query has \`limit: ${textOf(ctx.source, limit.value)}\`, not a positive number pushdown can read, so emptiness depends on it`, 'test existence by hand, taking the limit into account');
      if (tests.length > 0) return decline('the query has `limit`, so the predicate sees only the first rows, while a where clause would test every row', 'keep the JavaScript test, or drop the limit if it was not meant to limit the test');
    }
    let where = whereText(load, ctx);
    let nonEmpty = nonEmptyObject(load.where);
    if (tests.length > 0) {
      const added = whereFor(tests, mikroFacts(ctx)?.models.get(load.model), ctx.source);
      if (!added.ok) return added;
      const merged = mergeWhere(ctx, load.where, added.entries, added.keys);
      if (!merged.ok) return merged;
      where = merged.code;
      nonEmpty = true;
    }
    const context = keptOptions(load, ctx, CONTEXT);
    const code = nonEmpty
      ? `(await ${callText(load, ctx, 'findOne', where, context)}) ${opts.empty ? '===' : '!=='} null`
      : `(await ${callText(load, ctx, 'count', where, context)}) ${opts.empty ? '=== 0' : '> 0'}`;
    return { ok: true, code, tier: 'review', note: IDENTITY_MAP_NOTE };
  },

  narrow(any, ctx, tests) {
    const load = own(any);
    const blocked = optionsBlocking(load, ctx, 'a where clause', [...PAGING, 'groupBy', 'having', 'flags'], 'the database applies it before a where clause, but the JavaScript filter runs after, so the rows would differ');
    if (blocked) return blocked;
    const added = whereFor(tests, mikroFacts(ctx)?.models.get(load.model), ctx.source);
    if (!added.ok) return added;
    const merged = mergeWhere(ctx, load.where, added.entries, added.keys);
    if (!merged.ok) return merged;
    const receiver = textOf(ctx.source, load.receiver);
    const head = load.on === 'em' ? `${entityText(load, ctx)}, ` : '';
    if (load.method === 'find') {
      const rest = load.options.kind === 'object' ? `, ${textOf(ctx.source, load.options.node)}` : '';
      return { ok: true, code: `${receiver}.find(${head}${merged.code}${rest})`, tier: 'review', note: added.notes.join('; ') || undefined };
    }
    let options: string;
    if (load.options.kind !== 'object') options = `{ where: ${merged.code} }`;
    else {
      const prop = load.options.props.get('where');
      const obj = load.options.node;
      if (!prop) options = objectTextAdding(ctx.source, obj, `where: ${merged.code}`);
      else {
        const [from, to] = prop.shorthand ? [prop.start ?? 0, prop.end ?? 0] : [prop.value.start ?? 0, prop.value.end ?? 0];
        options = ctx.source.slice(obj.start ?? 0, from) + (prop.shorthand ? `where: ${merged.code}` : merged.code) + ctx.source.slice(to, obj.end ?? 0);
      }
    }
    return { ok: true, code: `${receiver}.findAll(${head}${options})`, tier: 'review', note: added.notes.join('; ') || undefined };
  },

  keysetBatches(any, ctx, batchSize): KeysetEmit {
    const load = own(any);
    const model = mikroFacts(ctx)?.models.get(load.model);
    const key = singleKey(model);
    const field = key ? model?.fields.get(key) : undefined;
    const byHand = `walk the rows by hand: \`find(where and { ${key ?? 'id'}: { $gt: last } }, { orderBy: { ${key ?? 'id'}: 'asc' }, limit: ${batchSize} })\`, calling \`em.clear()\` after each batch once its changes are flushed`;
    if (!model || !key || !field) {
      return decline(model ? `entity ${model.name} has no single-field primary key to batch on` : `no entity facts for \`${load.model}\` (its @Entity class was not found), so pushdown cannot tell the key`, byHand);
    }
    const type = field.type === 'int' || field.type === 'float' ? 'number' : field.type === 'string' ? 'string' : undefined;
    if (!type) return decline(`the primary key \`${key}\` is of type ${field.typeName}, which pushdown does not batch on`, byHand);
    const blocked = optionsBlocking(load, ctx, 'batches', [...PAGING, ...SPECIAL]);
    if (blocked) return blocked;
    const props = load.options.kind === 'object' ? load.options.props : new Map<string, ObjectProperty>();
    const orderBy = props.get('orderBy');
    if (orderBy && !orderedByKeyAscending(orderBy.value, key)) {
      return decline(`the rows are ordered by \`${textOf(ctx.source, orderBy.value)}\`, and the batches walk the key \`${key}\` ascending`, byHand);
    }
    if (load.where !== undefined && load.where.type !== 'ObjectExpression') {
      return decline(`the where \`${textOf(ctx.source, load.where)}\` is not an object literal (it may be a primary key or a list), so pushdown cannot add the keyset to it`, byHand);
    }
    const loops = loopsOver(load.call);
    if (!loops) return decline('pushdown cannot see the loop over the rows, so it cannot tell whether freeing each batch with em.clear() is safe', byHand);
    for (const loop of loops) {
      const write = loopWrite(loop.body, loop.rows, model, ctx.source);
      if (write) {
        return decline(
          `the loop may write: ${write}. Batches free each batch with em.clear(), which detaches every entity, so a change not yet flushed (or a row kept for later) would be lost; without it the identity map holds every row, as now`,
          'flush inside each batch and clear only after, by hand, or keep the load if the table is small',
        );
      }
    }
    const q = sourceStyle(ctx.ast, ctx.source).quote;
    const receiver = textOf(ctx.source, load.receiver);
    const where = load.where && load.where.properties.length > 0 ? textOf(ctx.source, load.where) : undefined;
    const kept = [...props.entries()].filter(([k]) => k !== 'orderBy' && k !== 'where').map(([, p]) => textOf(ctx.source, p));
    const clear = clearTarget(load, ctx);
    return {
      ok: true,
      cursorName: 'after',
      cursorType: type,
      order: `\`${key}\` ascending`,
      tier: 'review',
      note: clear
        ? `\`${clear}.clear()\` after each batch detaches every entity this EntityManager manages: check that nothing loaded before the loop is changed and flushed after it`
        : undefined,
      keyFields: [key],
      cursorOf: (row) => `${row}.${key}`,
      perBatch: clear ? [`${clear}.clear()`] : [],
      query(cursor) {
        const past = `${cursor} === undefined ? {} : { ${key}: { $gt: ${cursor} } }`;
        const batchWhere = where ? `{ $and: [${where}, ${past}] }` : past;
        const options = `{ ${[...kept, `orderBy: { ${key}: ${q}asc${q} }`, `limit: ${batchSize}`].join(', ')} }`;
        return `${receiver}.find(${load.on === 'em' ? `${entityText(load, ctx)}, ` : ''}${batchWhere}, ${options})`;
      },
    };
  },

  /** A `limit` (or options it cannot read) caps the rows; the key pinned bounds them; so does a field in a run-time list (`id: ids`, `{ $in: ids }`) or past a cursor the loop moves on. */
  loadBound(any, ctx) {
    const load = own(any);
    if (mikroDialect.loadShape(load).limited) return 'limited';
    if (mikroDialect.keyBounded?.(load, ctx)) return 'key';
    return load.where ? operatorWhereBound(load.call, load.where, { operator: dollarOrOpOperator, arrayMeansIn: true }) : undefined;
  },

  keyBounded(any, ctx) {
    const load = own(any);
    const model = mikroFacts(ctx)?.models.get(load.model);
    return load.where !== undefined && boundsRows(load.where, (name) => {
      const f = model?.fields.get(name);
      if (!model) return name === 'id';
      return f !== undefined && (f.isId || f.isUnique) && !f.isList && !f.isRelation && !f.nullable;
    });
  },

  select(any, ctx, fields) {
    const load = own(any);
    // A load already bounded by a limit or a key list is not a whole-table load: nothing to say.
    if (load.options.kind === 'object' && load.options.props.has('limit')) return { ok: true, code: textOf(ctx.source, load.call.node) };
    if (mikroDialect.keyBounded?.(load, ctx)) return { ok: true, code: textOf(ctx.source, load.call.node) };
    // Already loading only what is read (the key always comes along): nothing to say.
    const listed = load.options.kind === 'object' ? load.options.props.get('fields')?.value : undefined;
    const key = singleKey(mikroFacts(ctx)?.models.get(load.model));
    if (listed?.type === 'ArrayExpression') {
      const names = listed.elements.map((e) => (e?.type === 'StringLiteral' ? e.value : undefined));
      if (names.every((n) => n !== undefined) && fields.every((f) => names.includes(f) || f === key)) return { ok: true, code: textOf(ctx.source, load.call.node) };
    }
    return decline(
      '`fields` would leave partially loaded entities in the identity map, and MikroORM then takes them as loaded: a later em.populate() or relation read in the same unit of work would see only those fields',
      `keep the load, or select the columns with a QueryBuilder (\`${textOf(ctx.source, load.receiver)}.createQueryBuilder(...).select([...]).execute()\`) or \`disableIdentityMap: true\` with \`fields\` where nothing in this unit of work has unflushed changes`,
    );
  },

  aggregate(any, ctx, op, field) {
    void any;
    void ctx;
    return decline(
      `MikroORM's EntityManager has no ${op}: it has count() only`,
      `aggregate in the database with a QueryBuilder: \`em.createQueryBuilder(Entity).select(raw('${op}(${field}) as value')).where(...).execute('get')\` (NULL when there are no rows)`,
    );
  },
};

/** The entity argument as written (`User`, `'User'`). */
function entityText(load: MikroLoad, ctx: RuleContext): string {
  return load.entity ? textOf(ctx.source, load.entity) : load.model;
}

/** The load's where as written, or undefined when it has none. */
function whereText(load: MikroLoad, ctx: RuleContext): string | undefined {
  return load.where ? textOf(ctx.source, load.where) : undefined;
}

/**
 * `recv.method(E, where, options)` / `repo.method(where, options)`, leaving out
 * what is absent. Arguments the load had one a line stay one a line.
 */
function callText(load: MikroLoad, ctx: RuleContext, method: string, where: string | undefined, options: string | undefined): string {
  const args = [...(load.on === 'em' ? [entityText(load, ctx)] : []), ...(where !== undefined ? [where] : options !== undefined ? ['{}'] : []), ...(options !== undefined ? [options] : [])];
  const head = `${textOf(ctx.source, load.receiver)}.${method}(`;
  const first = load.call.node.arguments[0];
  const open = ctx.source.slice(load.call.node.callee.end ?? 0, first?.start ?? 0);
  if (first && open.includes('\n') && args.length > 0) {
    const at = indentAt(ctx.source, first.start ?? 0);
    return `${head}\n${args.map((a) => `${at}${a},\n`).join('')}${indentAt(ctx.source, (load.call.node.end ?? 1) - 1)})`;
  }
  return `${head}${args.join(', ')})`;
}

/** The options object keeping only `keep` (and never `where`), or undefined when nothing is left. */
function keptOptions(load: MikroLoad, ctx: RuleContext, keep: ReadonlySet<string>): string | undefined {
  if (load.options.kind !== 'object') return undefined;
  return objectTextKeeping(ctx.source, load.options.node, (p) => {
    const name = propertyName(p) ?? '';
    return name !== 'where' && keep.has(name);
  });
}

/** Why the load's options stop `target`, if they do: unreadable, unknown, or one of `blocking`. */
function optionsBlocking(load: MikroLoad, ctx: RuleContext, target: string, blocking: readonly string[], why?: string): (Emit & { ok: false }) | undefined {
  const options = load.options;
  const receiver = textOf(ctx.source, load.receiver);
  if (options.kind === 'unknown') {
    return decline(`the ${load.method} options are ${options.reason}, so pushdown cannot tell which of them ${target} would keep`, `rewrite by hand with the same where and the options ${target} takes`);
  }
  if (options.kind === 'none') return undefined;
  const unknown = [...options.props.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return decline(`the ${load.method} options include ${unknown.map((k) => `\`${k}\``).join(', ')}, which pushdown does not know`, 'rewrite by hand if they mean the same there');
  const hit = [...options.props.keys()].filter((k) => blocking.includes(k));
  if (hit.length === 0) return undefined;
  const names = hit.map((k) => `\`${k}\``).join(', ');
  if (target === 'count') {
    const paging = hit.filter((k) => PAGING.has(k));
    return paging.length > 0
      ? decline(`the query has ${names}, and em.count ignores limit and offset: it would count every matching row`, `count the page by hand, or keep the load if the page is small (\`${receiver}.count(...)\` counts them all)`)
      : decline(`the query has ${names}, which em.count does not take with the same meaning`, 'count by hand');
  }
  return decline(`the query has ${names}: ${why ?? `${target} cannot keep its meaning`}`, 'keep the load, or rewrite by hand');
}

function nonEmptyObject(node: Expression | undefined): boolean {
  return node !== undefined && node.type === 'ObjectExpression' && node.properties.length > 0;
}

/** `{ id: 'asc' }` (also `'ASC'`, `QueryOrder.ASC`, `[{ id: 'asc' }]`). */
function orderedByKeyAscending(node: Node, key: string): boolean {
  const entry = node.type === 'ArrayExpression' && node.elements.length === 1 ? node.elements[0] : node;
  if (!entry || entry.type !== 'ObjectExpression' || entry.properties.length !== 1) return false;
  const p = entry.properties[0];
  if (p.type !== 'ObjectProperty' || propertyName(p) !== key) return false;
  const v = p.value;
  if (v.type === 'StringLiteral') return v.value.toLowerCase() === 'asc';
  return v.type === 'MemberExpression' && v.property.type === 'Identifier' && v.property.name === 'ASC';
}

/** What `.clear()` is called on after each batch: the EntityManager behind the receiver; none for a fork made per call. */
function clearTarget(load: MikroLoad, ctx: RuleContext): string | undefined {
  const r = load.receiver;
  const isCall = (n: Node, name: string) => n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && n.callee.property.name === name;
  if (load.on === 'em') return isCall(r, 'fork') ? undefined : textOf(ctx.source, r);
  if (isCall(r, 'getRepository') && r.type === 'CallExpression' && r.callee.type === 'MemberExpression') {
    return isCall(r.callee.object, 'fork') ? undefined : textOf(ctx.source, r.callee.object);
  }
  if (r.type === 'Identifier') {
    const decl = load.call.scope.getBinding(r.name)?.path.node;
    const init = decl?.type === 'VariableDeclarator' ? decl.init : undefined;
    if (init && isCall(init, 'getRepository') && init.type === 'CallExpression' && init.callee.type === 'MemberExpression' && !isCall(init.callee.object, 'fork')) {
      return textOf(ctx.source, init.callee.object);
    }
  }
  return `${textOf(ctx.source, r)}.getEntityManager()`;
}

// ---------------------------------------------------------------------------
// Field tests as a MikroORM where

type WhereFor = { ok: true; entries: string[]; keys: string[]; notes: string[] } | (Emit & { ok: false });

const MIKRO_OP: Record<FieldCompare['op'], string> = { eq: '$eq', ne: '$ne', lt: '$lt', lte: '$lte', gt: '$gt', gte: '$gte' };
const JS_OP: Record<FieldCompare['op'], string> = { eq: '===', ne: '!==', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/**
 * Field tests (lib/analysis/predicate.ts) as where entries. SQL and
 * JavaScript disagree on NULL (`<>` and `<` never match it; JS `null < 5` is
 * true), so `!==` and ordering need a non-null field (or a `!== null` test
 * first); Date, decimal, bigint and JSON values are objects or strings in JS
 * where the database compares values: declined. A value pushdown cannot prove
 * defined is declined too (what MikroORM does with `{ f: undefined }` is not
 * what `=== undefined` does). Without entity facts nothing is known: declined.
 */
function whereFor(tests: readonly FieldTest[], model: ModelFacts | undefined, source: string): WhereFor {
  const no = (reason: string, suggestion = 'keep the JavaScript test, or write the where clause by hand') => decline(reason, suggestion);
  if (!model) return no("no entity facts for this entity (its @Entity class was not found), so pushdown cannot tell the fields' types and nullability");
  const checkedNotNull = new Set(tests.filter((t) => t.kind === 'compare' && t.op === 'ne' && t.proof === 'null').map((t) => t.field));
  const slots = new Map<string, { scalar?: string; ops: Map<string, string> }>();
  const notes = new Set<string>();
  for (const t of tests) {
    const field: FieldFacts | undefined = model.fields.get(t.field);
    const shown = source.slice(t.node.start ?? 0, t.node.end ?? 0);
    if (!field) return no(`\`${shown}\` reads \`${t.field}\`, which is not a stored property of ${model.name}`);
    if (!field.isScalar || field.isRelation || field.isList) return no(`\`${shown}\` reads \`${t.field}\`, a ${field.isList ? 'list' : 'relation'}, where \`===\` compares references`);
    if (!['int', 'float', 'string', 'boolean', 'enum'].includes(field.type)) {
      return no(`\`${shown}\` reads \`${t.field}\`, a ${field.typeName} property: JavaScript compares its values as ${field.type === 'decimal' || field.type === 'bigint' ? 'strings or bigints' : 'objects'}, the database as values`, 'compare in the database by hand, with a value of the exact column type');
    }
    let slot = slots.get(t.field);
    if (!slot) slots.set(t.field, (slot = { ops: new Map() }));
    const set = (v: string) => (slot!.scalar === undefined ? ((slot!.scalar = v), true) : false);
    if (t.kind === 'flag') {
      if (field.type !== 'boolean') return no(`\`${shown}\` tests the truthiness of \`${t.field}\`, a ${field.typeName} property (an empty string or 0 is falsy), which has no where equivalent`);
      if (field.nullable) return no(`\`${shown}\` tests a nullable boolean: NULL is falsy in JavaScript, so it has no single where equivalent`);
      if (!set(t.negated ? 'false' : 'true')) return no(`\`${t.field}\` is tested twice`);
      continue;
    }
    const value = source.slice(t.value.start ?? 0, t.value.end ?? 0);
    const expected = field.type === 'int' || field.type === 'float' ? 'number' : field.type === 'boolean' ? 'boolean' : 'string';
    if (t.valueType && t.proof !== 'null' && t.valueType !== expected) return no(`\`${shown}\` compares the ${field.typeName} property \`${t.field}\` with a ${t.valueType}, which JavaScript never finds equal`);
    if (field.type === 'string' && t.proof !== 'null') notes.add('string comparison follows the database collation (MySQL `_ci` collations ignore case, PAD SPACE ones trailing spaces), while JavaScript compares code units');
    const nullable = field.nullable && !checkedNotNull.has(t.field);
    if (t.proof === 'unknown' && t.op !== 'ne') return no(`\`${shown}\`: pushdown cannot tell that \`${value}\` is never undefined or null, where JavaScript and the where clause disagree`, `give \`${value}\` a type that excludes undefined and null, or compare with a literal`);
    if (t.op === 'eq') {
      if (t.proof === 'null') {
        if (!field.nullable) return no(`\`${shown}\` compares a non-nullable property with null, which is never true`);
        if (!set('null')) return no(`\`${t.field}\` is tested twice`);
      } else if (!set(value)) return no(`\`${t.field}\` is tested twice`);
      continue;
    }
    if (t.op === 'ne') {
      if (t.proof === 'null') {
        if (field.nullable && !slot.ops.has('$ne')) slot.ops.set('$ne', 'null');
        continue;
      }
      if (nullable) return no(`\`${shown}\` on the nullable property \`${t.field}\`: JavaScript keeps rows where it is NULL, SQL \`<>\` skips them`, `write \`$or: [{ ${t.field}: { $ne: ${value} } }, { ${t.field}: null }]\` by hand if NULL rows should match`);
      if (t.proof === 'unknown') return no(`\`${shown}\`: pushdown cannot tell that \`${value}\` is never undefined or null`, `give \`${value}\` a type that excludes undefined and null, or compare with a literal`);
      if (slot.ops.get('$ne') === 'null') slot.ops.delete('$ne');
      if (slot.ops.has('$ne')) return no(`\`${t.field}\` is tested twice with \`!==\``);
      slot.ops.set('$ne', value);
      continue;
    }
    if (nullable) return no(`\`${shown}\` orders the nullable property \`${t.field}\`: JavaScript compares NULL as 0 (\`null < 5\` is true), SQL never matches NULL`, `test \`${t.field} !== null\` first in the predicate if NULL rows should not match`);
    if (field.type !== 'int' && field.type !== 'float' && field.type !== 'string') return no(`\`${shown}\` orders a ${field.typeName} property`);
    if (slot.ops.has(MIKRO_OP[t.op])) return no(`\`${t.field}\` is tested twice with \`${JS_OP[t.op]}\``);
    slot.ops.set(MIKRO_OP[t.op], value);
  }
  const entries: string[] = [];
  const keys: string[] = [];
  for (const [name, slot] of slots) {
    if (slot.ops.get('$ne') === 'null' && ['$lt', '$lte', '$gt', '$gte'].some((op) => slot.ops.has(op))) slot.ops.delete('$ne');
    const ops = [...slot.ops].map(([k, v]) => `${k}: ${v}`);
    if (slot.scalar !== undefined) ops.unshift(`$eq: ${slot.scalar}`);
    if (ops.length === 0) continue;
    entries.push(slot.scalar !== undefined && ops.length === 1 ? (slot.scalar === name ? name : `${name}: ${slot.scalar}`) : `${name}: { ${ops.join(', ')} }`);
    keys.push(name);
  }
  return { ok: true, entries, keys, notes: [...notes] };
}

/** `where` with `entries` added: into its object literal when no key clashes, else `{ $and: [where, { entries }] }`. */
function mergeWhere(ctx: RuleContext, where: Expression | undefined, entries: readonly string[], keys: readonly string[]): { ok: true; code: string } | (Emit & { ok: false }) {
  const added = `{ ${entries.join(', ')} }`;
  if (entries.length === 0) return decline('the filter adds no condition pushdown can say', 'keep the filter');
  if (where === undefined) return { ok: true, code: added };
  if (where.type === 'ObjectExpression') {
    const names = where.properties.map((p) => (p.type === 'ObjectProperty' ? propertyName(p) : undefined));
    const readable = names.every((n): n is string => n !== undefined);
    if (readable && names.length === 0) return { ok: true, code: added };
    if (readable && !keys.some((k) => names.includes(k))) return { ok: true, code: objectTextAdding(ctx.source, where, entries.join(', ')) };
    return { ok: true, code: `{ $and: [${textOf(ctx.source, where)}, ${added}] }` };
  }
  return decline(`the where \`${textOf(ctx.source, where)}\` is not an object literal (it may be a primary key or a list), so pushdown cannot add to it`, 'move the filter into the where by hand');
}

/** Does the where pin a key or unique property (at the top or in `$and`) to one value or an `$in` list? */
function boundsRows(node: Node, pins: (name: string) => boolean): boolean {
  if (node.type !== 'ObjectExpression') return false;
  for (const p of node.properties) {
    if (p.type !== 'ObjectProperty') continue;
    const name = propertyName(p);
    if (name === undefined) continue;
    if (name === '$and') {
      const v = p.value;
      if (v.type === 'ArrayExpression' && v.elements.some((m) => !!m && m.type !== 'SpreadElement' && boundsRows(m, pins))) return true;
      continue;
    }
    if (!pins(name)) continue;
    const v = p.value;
    if (v.type === 'ObjectExpression') {
      if (v.properties.some((q) => q.type === 'ObjectProperty' && (propertyName(q) === '$in' || propertyName(q) === '$eq') && q.value.type !== 'NullLiteral')) return true;
      continue;
    }
    if (v.type === 'ArrayExpression' || ['Identifier', 'StringLiteral', 'NumericLiteral', 'TemplateLiteral', 'MemberExpression'].includes(v.type)) {
      if (!(v.type === 'Identifier' && v.name === 'undefined')) return true;
    }
  }
  return false;
}

export type { Options };
