/**
 * The TypeORM dialect (1.x; 0.3 code shapes): how to say count, exists,
 * first row, projection, aggregate, narrowing and keyset batches for a load
 * (lib/orm/typeorm/load.ts), per ../shared/ORM-NOTES.md §1–2:
 *
 *   count     find(o) -> count(o'), findBy(w) -> countBy(w), getMany() -> getCount().
 *             count() clears take/skip/order, so a take or skip is declined; since
 *             1.1 a `select` makes it count DISTINCT selected columns, so it is dropped.
 *   exists    exists(o') / existsBy(w) / getExists(); skip declined, a positive take dropped.
 *   first     findOne(o without a positive take; `where: {}` added when there is none,
 *             findOne throws without one) / findOneBy(w) / `.take(1).getOne()`.
 *   select    find({ ..., select: { f: true } }): the rows stay entities. Declined for
 *             entities with @AfterLoad (it may read columns left out), columns hidden
 *             with `select: false`, relations being loaded, query builders.
 *   aggregate sum/minimum/maximum(column, where): number | null; only non-nullable
 *             number columns (TypeORM's types accept no other), a where with no
 *             relation filter (a join would repeat rows in SUM), no take/skip/withDeleted.
 *   narrow    where entries with TypeORM operators (./where.ts), imports added.
 *   batches   find({ where: { ...w, ...(after === undefined ? {} : { id: MoreThan(after) }) },
 *             order: { id: 'ASC' }, take: N }) on the single primary key.
 * Query builders get count, exists and first only: their filters are SQL text.
 */
import { parseExpression } from '../../babel.js';
import type { Expression, ObjectExpression, ObjectProperty } from '@babel/types';
import type { FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { objectTextAdding, objectTextKeeping, propertyName, sourceStyle, textOf, indentAt, reindent } from '../../text.js';
import { singleKey } from '../core/facts.js';
import type { AggregateOp, AggregatePart, AggregatesEmit, Dialect, Emit, ImportSpec, KeysetEmit, Load, LoadBoundFact, LoadShape } from '../core/types.js';
import { LOAD_CALL_NAMES, matchTypeormLoad, mayBeTypeormLoad, TYPEORM_ID, typeormModel, type TypeormLoad } from './load.js';
import { typeormMessages } from './messages.js';
import { loadWhere, mergedWhere, whereEntries } from './where.js';

/** find options that only shape or order the rows: dropped by count and exists. */
const ROW_SHAPE = new Set(['select', 'order', 'relationLoadStrategy', 'loadEagerRelations', 'loadRelationIds', 'comment', 'transaction']);
/** find options count and exists honour with the same meaning. */
const FILTERS = new Set(['where', 'relations', 'withDeleted', 'cache']);
const KNOWN = new Set([...ROW_SHAPE, ...FILTERS, 'take', 'skip', 'lock']);
/** Builder calls that cap or group rows: count/exists/first cannot keep their meaning. */
const BUILDER_PAGING = new Set(['take', 'skip', 'limit', 'offset', 'groupBy', 'addGroupBy', 'having', 'andHaving', 'orHaving', 'distinct', 'distinctOn', 'setFindOptions', 'setLock']);

const typeormImports = (names: readonly string[]): ImportSpec[] | undefined => (names.length > 0 ? [{ from: 'typeorm', names }] : undefined);
const asLoad = (load: Load): TypeormLoad => load as TypeormLoad;

export const typeormDialect: Dialect = {
  name: TYPEORM_ID,
  messages: typeormMessages,
  loadCallNames: LOAD_CALL_NAMES,
  matchLoad: (path, ctx, clientNames) => matchTypeormLoad(typeormDialect, path, ctx, clientNames),
  mayMatchLoad: (call, ctx) => mayBeTypeormLoad(call, ctx),
  loadShape: (load) => loadShape(asLoad(load)),
  model: (load, ctx) => typeormModel(load, ctx),
  count: (load, ctx) => count(asLoad(load), ctx),
  first: (load, ctx) => first(asLoad(load), ctx),
  exists: (load, ctx, opts) => exists(asLoad(load), ctx, opts),
  select: (load, ctx, fields) => select(asLoad(load), ctx, fields),
  aggregate: (load, ctx, op, field) => aggregate(asLoad(load), ctx, op, field),
  aggregates: (load, ctx, parts) => aggregates(asLoad(load), ctx, parts),
  narrow: (load, ctx, tests) => narrow(asLoad(load), ctx, tests),
  keysetBatches: (load, ctx, batchSize) => keysetBatches(asLoad(load), ctx, batchSize),
  keyBounded: (load, ctx) => keyBounded(asLoad(load), ctx),
  loadBound: (load, ctx) => loadBound(asLoad(load), ctx),
};

/** A cap (`take`, or `take()`/`limit()` on a builder) bounds the rows; an offset alone does not. Options it cannot read count as capped. */
function loadBound(load: TypeormLoad, ctx: RuleContext): LoadBoundFact | undefined {
  if (load.form === 'builder') {
    if (load.chain.some((c) => c === 'take' || c === 'limit')) return 'limited';
  } else if (load.args.kind === 'unknown') {
    return 'limited';
  } else if (load.args.kind === 'object' || load.args.kind === 'ref') {
    if (load.args.props.has('take')) return 'limited';
  }
  return keyBounded(load, ctx) ? 'key' : undefined;
}

function loadShape(load: TypeormLoad): LoadShape {
  if (load.form === 'builder') {
    const has = (...names: string[]) => load.chain.some((c) => names.includes(c));
    return { ordered: has('orderBy', 'addOrderBy'), filtered: has('where', 'andWhere', 'orWhere', 'whereInIds', 'innerJoin', 'innerJoinAndSelect'), limited: has('take', 'limit', 'skip', 'offset') };
  }
  const args = load.args;
  if (args.kind === 'unknown') return { ordered: true, filtered: true, limited: true };
  if (load.method === 'findBy') return { ordered: false, filtered: true, limited: false };
  const props = args.kind === 'object' || args.kind === 'ref' ? args.props : new Map<string, ObjectProperty>();
  return { ordered: props.has('order'), filtered: props.has('where'), limited: props.has('take') || props.has('skip') };
}

/** `recv.method(E, args)` for a manager, `recv.method(args)` for a repository. */
function callText(load: TypeormLoad, ctx: RuleContext, method: string, ...args: (string | undefined)[]): string {
  const list = [load.entityArg ? textOf(ctx.source, load.entityArg) : undefined, ...args].filter((a): a is string => a !== undefined && a !== '');
  return `${textOf(ctx.source, load.receiver)}.${method}(${list.join(', ')})`;
}

/** The builder chain with its final `getMany()` renamed (its layout kept). */
function builderText(load: TypeormLoad, ctx: RuleContext, replacement: string): string {
  const call = load.call.node;
  const callee = call.callee as Expression & { property: Expression };
  const before = ctx.source.slice(call.start ?? 0, callee.property.start ?? 0);
  return `${before}${replacement}`;
}

function builderDeclines(load: TypeormLoad, what: string): Emit | undefined {
  const paging = load.chain.filter((c) => BUILDER_PAGING.has(c));
  if (paging.length === 0) return undefined;
  return {
    ok: false,
    reason: `the query builder calls ${paging.map((c) => `\`${c}()\``).join(', ')}, which ${what} would not keep (getCount() and getExists() clear take/skip/limit/offset)`,
    suggestion: 'ask the database by hand, keeping the paging or grouping in SQL',
  };
}

function unreadable(load: TypeormLoad, ctx: RuleContext, what: string): Emit | undefined {
  const args = load.args;
  if (args.kind === 'unknown') {
    return { ok: false, reason: `the ${load.method} arguments are ${args.reason}, so pushdown cannot tell which of them ${what} accepts`, suggestion: `${what} by hand with the same where` };
  }
  if (args.kind === 'object' && load.method === 'find') {
    const unknown = [...args.props.keys()].filter((k) => !KNOWN.has(k));
    if (unknown.length > 0) return { ok: false, reason: `find has option(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: `${what} by hand, keeping every option that narrows the rows` };
    if (args.props.has('lock')) return { ok: false, reason: 'the find takes a lock', suggestion: `${what} by hand if the lock is not needed` };
  }
  return undefined;
}

function count(load: TypeormLoad, ctx: RuleContext): Emit {
  if (load.form === 'builder') return builderDeclines(load, 'a count') ?? { ok: true, code: builderText(load, ctx, 'getCount()'), why: 'getCount() counts the entities getMany() would have returned (DISTINCT primary keys across joins); nothing is loaded' };
  const bad = unreadable(load, ctx, 'count');
  if (bad) return bad;
  const args = load.args;
  if (load.method === 'findBy') return { ok: true, code: callText(load, ctx, 'countBy', whereArgText(load, ctx)) };
  if (args.kind === 'none') return { ok: true, code: callText(load, ctx, 'count') };
  const props = (args as { props: ReadonlyMap<string, ObjectProperty> }).props;
  for (const key of ['take', 'skip']) {
    if (props.has(key)) {
      return { ok: false, reason: `the query has \`${key}\`, and TypeORM's count() ignores take and skip (it counts every matching row)`, suggestion: 'count the page by hand, `Math.min(take, Math.max(0, (await count({ where })) - skip))`, or keep the load' };
    }
  }
  if (args.kind === 'ref') {
    if ([...props.keys()].every((k) => FILTERS.has(k))) return { ok: true, code: callText(load, ctx, 'count', textOf(ctx.source, args.node)) };
    return { ok: false, reason: `the find options come from \`${textOf(ctx.source, args.node)}\`, which also carries ${[...props.keys()].filter((k) => !FILTERS.has(k)).join(', ')}`, suggestion: `count with only the filtering options: \`count({ where: ${textOf(ctx.source, args.node)}.where })\`` };
  }
  const kept = objectTextKeeping(ctx.source, (args as { node: ObjectExpression }).node, (p) => FILTERS.has(propertyName(p) ?? ''));
  return { ok: true, code: callText(load, ctx, 'count', kept), why: 'count() counts the rows find would have loaded (same where and relations; select and order dropped: since 1.1 a select would count distinct values); nothing is loaded' };
}

function first(load: TypeormLoad, ctx: RuleContext): Emit {
  const why = 'findOne returns the row `[0]` would have (same where, order and relations; it takes one row itself) and loads only that row';
  if (load.form === 'builder') {
    return builderDeclines(load, 'a first-row query') ?? { ok: true, code: builderText(load, ctx, 'take(1).getOne()'), why: 'take(1).getOne() returns the entity `[0]` would have (same joins, where and order) and loads only that one' };
  }
  const bad = unreadable(load, ctx, 'find the first row');
  if (bad) return bad;
  const args = load.args;
  if (load.method === 'findBy') return { ok: true, code: callText(load, ctx, 'findOneBy', whereArgText(load, ctx)), why };
  if (args.kind === 'none') return { ok: true, code: callText(load, ctx, 'findOne', '{ where: {} }'), why };
  const props = (args as { props: ReadonlyMap<string, ObjectProperty> }).props;
  const take = props.get('take');
  if (take) {
    const n = literalNumber(take.value as Expression);
    if (n === undefined || !Number.isInteger(n)) return { ok: false, reason: '`take` is not an integer literal: when it is 0 the first row is always undefined', suggestion: 'when `take` is always positive, use `findOne(...)` without it' };
    if (n <= 0) return { ok: false, reason: `\`take: ${n}\` loads no rows, so the first row is always undefined`, suggestion: 'remove the query' };
  }
  if (args.kind === 'ref') {
    if (take || !props.has('where')) return { ok: false, reason: `the find options come from \`${textOf(ctx.source, args.node)}\`, which ${take ? 'carries a `take`' : 'has no `where` (findOne throws without one)'}`, suggestion: 'use `findOne(...)` by hand with a where and no take' };
    return { ok: true, code: callText(load, ctx, 'findOne', textOf(ctx.source, args.node)), why };
  }
  const node = (args as { node: ObjectExpression }).node;
  let text = objectTextKeeping(ctx.source, node, (p) => propertyName(p) !== 'take') ?? '{}';
  if (!props.has('where')) {
    const obj = reparse(text);
    text = obj ? objectTextAdding(text, obj, 'where: {}') : `{ where: {} }`;
  }
  return { ok: true, code: callText(load, ctx, 'findOne', text), why };
}

function exists(load: TypeormLoad, ctx: RuleContext, opts: { empty: boolean; tests?: readonly FieldTest[] }): Emit {
  const tests = opts.tests ?? [];
  const wrap = (call: string) => (opts.empty ? `!(await ${call})` : `await ${call}`);
  if (load.form === 'builder') {
    if (tests.length > 0) return { ok: false, reason: "a query builder's where is SQL text pushdown does not extend", suggestion: 'add the condition to the builder with `.andWhere(...)` and ask `.getExists()`' };
    const declined = builderDeclines(load, 'an existence query');
    if (declined) return declined;
    return { ok: true, code: wrap(builderText(load, ctx, 'getExists()')), why: 'getExists() asks the database whether getMany() would return any entity; nothing is loaded' };
  }
  const bad = unreadable(load, ctx, 'test existence');
  if (bad) return bad;
  const args = load.args;
  const props = args.kind === 'object' && load.method === 'find' ? args.props : args.kind === 'ref' ? args.props : new Map<string, ObjectProperty>();
  if (props.has('skip')) return { ok: false, reason: 'the query has `skip`, so the test asks whether rows exist past an offset', suggestion: 'keep the load, or ask `(await count({ where })) > skip` by hand' };
  const take = props.get('take');
  if (take) {
    const n = literalNumber(take.value as Expression);
    if (n === undefined || !Number.isInteger(n) || n <= 0) return { ok: false, reason: `the query has \`take: ${textOf(ctx.source, take.value)}\`, which is not a positive number pushdown can read`, suggestion: 'test existence by hand, taking the take into account' };
    if (tests.length > 0) return { ok: false, reason: 'the query has `take`, so the predicate sees only the first rows, while a where clause would test every row', suggestion: 'keep the JavaScript test, or drop the take if it was not meant to limit the test' };
  }
  let imports: string[] = [];
  let whereText: string | undefined;
  const where = loadWhere(args, load.method);
  if (tests.length > 0) {
    const entries = whereEntries(tests, typeormModel(load, ctx), ctx);
    if (!entries.ok) return entries;
    if (where === null) return { ok: false, reason: 'the where cannot be read', suggestion: 'test existence by hand' };
    const merged = mergedWhere(ctx, where, entries.entries, entries.keys);
    if (!merged.ok) return merged;
    whereText = merged.text;
    imports = entries.imports;
  }
  const tier = tests.length > 0 ? ('review' as const) : undefined;
  const why = 'exists() asks the database whether find would return any row (same where); nothing is loaded';
  if (load.method === 'findBy') return { ok: true, code: wrap(callText(load, ctx, 'existsBy', whereText ?? whereArgText(load, ctx))), tier, why, imports: typeormImports(imports) };
  if (args.kind === 'none') return { ok: true, code: wrap(callText(load, ctx, 'exists', whereText ? `{ where: ${whereText} }` : undefined)), tier, why, imports: typeormImports(imports) };
  if (args.kind === 'ref') {
    if (tests.length > 0 || ![...props.keys()].every((k) => FILTERS.has(k) || ROW_SHAPE.has(k) || k === 'take')) return { ok: false, reason: `the find options come from \`${textOf(ctx.source, args.node)}\``, suggestion: 'test existence by hand' };
    return { ok: true, code: wrap(callText(load, ctx, 'exists', textOf(ctx.source, args.node))), tier, why };
  }
  const node = (args as { node: ObjectExpression }).node;
  let kept = objectTextKeeping(ctx.source, node, (p) => FILTERS.has(propertyName(p) ?? ''));
  if (whereText !== undefined) {
    const whereProp = props.get('where');
    if (whereProp && kept) kept = kept.replace(textOf(ctx.source, whereProp), `where: ${whereText}`);
    else kept = kept ? objectTextAdding(kept, reparse(kept)!, `where: ${whereText}`) : `{ where: ${whereText} }`;
  }
  return { ok: true, code: wrap(callText(load, ctx, 'exists', kept)), tier, why, imports: typeormImports(imports) };
}

function narrow(load: TypeormLoad, ctx: RuleContext, tests: readonly FieldTest[]): Emit {
  if (load.form === 'builder') return { ok: false, reason: "a query builder's where is SQL text pushdown does not extend", suggestion: 'add the condition with `.andWhere(...)`' };
  const bad = unreadable(load, ctx, 'filter');
  if (bad) return bad;
  const args = load.args;
  const props = args.kind === 'object' && load.method === 'find' ? args.props : new Map<string, ObjectProperty>();
  if (args.kind === 'ref') return { ok: false, reason: `the find options come from \`${textOf(ctx.source, args.node)}\`, which pushdown does not edit`, suggestion: 'add the condition to its where by hand' };
  for (const key of ['take', 'skip']) {
    if (props.has(key)) return { ok: false, reason: `the query has \`${key}\`, which applies before the JavaScript filter but after a where clause`, suggestion: 'keep the filter, or move it into the where by hand if the page was meant to be of matching rows' };
  }
  const entries = whereEntries(tests, typeormModel(load, ctx), ctx);
  if (!entries.ok) return entries;
  const where = loadWhere(args, load.method);
  if (where === null) return { ok: false, reason: 'the where cannot be read', suggestion: 'add the condition by hand' };
  const merged = mergedWhere(ctx, where, entries.entries, entries.keys);
  if (!merged.ok) return merged;
  const imports = typeormImports(entries.imports);
  const why = 'the filter is now a where clause with TypeORM operators';
  if (load.method === 'findBy') return { ok: true, code: callText(load, ctx, 'findBy', merged.text), tier: 'review', imports, why };
  if (args.kind === 'none') return { ok: true, code: callText(load, ctx, 'find', `{ where: ${merged.text} }`), tier: 'review', imports, why };
  const node = (args as { node: ObjectExpression }).node;
  const whereProp = props.get('where');
  const optionsText = whereProp
    ? ctx.source.slice(node.start ?? 0, whereProp.value.start ?? 0) + merged.text + ctx.source.slice(whereProp.value.end ?? 0, node.end ?? 0)
    : objectTextAdding(ctx.source, node, `where: ${merged.text}`);
  return { ok: true, code: callText(load, ctx, 'find', optionsText), tier: 'review', imports, why };
}

function select(load: TypeormLoad, ctx: RuleContext, fields: readonly string[]): Emit {
  if (load.form === 'builder') return { ok: false, reason: 'the rows come from a query builder', suggestion: `select the columns on the builder by hand (\`.select([${fields.map((f) => `'alias.${f}'`).join(', ')}])\`)` };
  const model = typeormModel(load, ctx);
  const suggestion = `load only the columns read with \`select: { ${fields.map((f) => `${f}: true`).join(', ')} }\` by hand if that is safe`;
  if (!model) return { ok: false, reason: `no entity facts for \`${load.model}\``, suggestion };
  if (model.afterLoad) return { ok: false, reason: `entity ${model.name} has an @AfterLoad method, which may read columns a select would leave out`, suggestion };
  for (const f of fields) {
    const field = model.fields.get(f);
    if (!field || !field.isScalar) return { ok: false, reason: `\`${f}\` is ${field?.isRelation ? 'a relation' : 'not a column'} of entity ${model.name}`, suggestion: 'keep the load, or load the relation with `relations` and select its columns by hand' };
    if (model.hiddenFields.includes(f)) return { ok: false, reason: `\`${f}\` is declared \`select: false\`, so find leaves it out unless selected: a select would load what the map never saw`, suggestion: 'keep the load as it is' };
  }
  const bad = unreadable(load, ctx, 'select');
  if (bad) return bad;
  const selection = `select: { ${fields.map((f) => `${f}: true`).join(', ')} }`;
  const args = load.args;
  if (load.method === 'findBy') return { ok: true, code: callText(load, ctx, 'find', `{ where: ${whereArgText(load, ctx)}, ${selection} }`) };
  if (args.kind === 'none') return { ok: true, code: callText(load, ctx, 'find', `{ ${selection} }`) };
  const props = (args as { props: ReadonlyMap<string, ObjectProperty> }).props;
  if (props.has('relations') || props.has('loadRelationIds')) return { ok: false, reason: 'the find loads relations, whose columns a select would have to name too', suggestion };
  const existing = props.get('select');
  if (existing) {
    // `select: { a: true }` or the older `select: ['a']`: already just the columns read.
    const v = existing.value;
    const keys =
      v.type === 'ObjectExpression' && v.properties.every((p) => p.type === 'ObjectProperty' && p.value.type === 'BooleanLiteral' && p.value.value)
        ? v.properties.map((p) => (p.type === 'ObjectProperty' ? propertyName(p) : undefined))
        : v.type === 'ArrayExpression' && v.elements.every((e) => e?.type === 'StringLiteral')
          ? v.elements.map((e) => (e?.type === 'StringLiteral' ? e.value : undefined))
          : undefined;
    const same = keys !== undefined && keys.length === fields.length && fields.every((f) => keys.includes(f));
    if (same) return { ok: true, code: textOf(ctx.source, load.call.node) };
    return { ok: false, reason: 'the find already has a select', suggestion };
  }
  if (args.kind === 'ref') return { ok: true, code: callText(load, ctx, 'find', `{ ...${textOf(ctx.source, args.node)}, ${selection} }`) };
  return { ok: true, code: callText(load, ctx, 'find', objectTextAdding(ctx.source, (args as { node: ObjectExpression }).node, selection)) };
}

const AGGREGATE: Record<AggregateOp, string> = { sum: 'sum', min: 'minimum', max: 'maximum' };
const AGGREGATE_PART: Record<AggregateOp | 'avg', string> = { ...AGGREGATE, avg: 'average' };

function aggregate(load: TypeormLoad, ctx: RuleContext, op: AggregateOp, fieldName: string): Emit {
  const method = AGGREGATE[op];
  const call = aggregateCall(load, ctx, op, method, fieldName);
  if (!call.ok) return call;
  return { ok: true, code: `(await ${call.call})`, tier: 'review', why: `${method}() computes it in the database over the same rows; null for no rows` };
}

/**
 * Several aggregates of one load: TypeORM has one method per aggregate, so
 * they run as one query each, together (`Promise.all`), read back by index.
 */
function aggregates(load: TypeormLoad, ctx: RuleContext, parts: readonly AggregatePart[]): AggregatesEmit {
  const calls: string[] = [];
  for (const part of parts) {
    const call = part.op === 'count' ? count(load, ctx) : aggregateCall(load, ctx, part.op, AGGREGATE_PART[part.op], part.field);
    if (!call.ok) return call;
    calls.push('call' in call ? call.call : call.code);
  }
  const notes = [
    ...(calls.length > 1 ? [`TypeORM has no one query for several aggregates, so these are ${calls.length} queries run together: a write by another connection between them can make them disagree, where the loaded rows were one read`] : []),
    ...(parts.some((p) => p.op === 'avg') ? ["average() is the database's AVG, rounded by the database (the last digit may differ)"] : []),
  ];
  const one = calls.length === 1;
  return {
    ok: true,
    query: one ? `await ${calls[0]}` : `await Promise.all([${calls.join(', ')}])`,
    read: (i, holder) => (one ? holder : `${holder}[${i}]`),
    tier: 'review',
    note: notes.length > 0 ? notes.join('; ') : undefined,
  };
}

type AggregateCall = { ok: true; call: string } | { ok: false; reason: string; suggestion: string };

/** `repo.sum('views', where)` (without await) over the rows the load reads, or why not. */
function aggregateCall(load: TypeormLoad, ctx: RuleContext, op: AggregateOp | 'avg', method: string, fieldName: string): AggregateCall {
  const suggestion = `aggregate by hand: \`${method}('${fieldName}', where)\` returns number | null`;
  if (load.form === 'builder') return { ok: false, reason: 'the rows come from a query builder', suggestion: `select \`${op.toUpperCase()}(alias.${fieldName})\` on the builder with getRawOne() by hand` };
  const model = typeormModel(load, ctx);
  if (!model) return { ok: false, reason: `no entity facts for \`${load.model}\``, suggestion };
  const field = model.fields.get(fieldName);
  if (!field || !field.isScalar) return { ok: false, reason: `\`${fieldName}\` is not a column of entity ${model.name}`, suggestion };
  if (field.type !== 'int' && field.type !== 'float') return { ok: false, reason: `\`${fieldName}\` is a ${field.typeName} column, which TypeORM's ${method}() returns through parseFloat`, suggestion: 'keep the load, or aggregate in SQL with the exact type' };
  if (field.nullable) return { ok: false, reason: `\`${fieldName}\` is nullable, and TypeORM's ${method}() accepts only number-typed properties`, suggestion: `aggregate in SQL by hand (\`createQueryBuilder().select('${op.toUpperCase()}(...)')\`)` };
  const bad = unreadable(load, ctx, 'aggregate');
  if (bad && !bad.ok) return bad;
  const args = load.args;
  if (args.kind === 'ref') return { ok: false, reason: `the find options come from \`${textOf(ctx.source, args.node)}\``, suggestion };
  const props = args.kind === 'object' && load.method === 'find' ? args.props : new Map<string, ObjectProperty>();
  for (const key of ['take', 'skip', 'withDeleted']) {
    if (props.has(key)) return { ok: false, reason: `the query has \`${key}\`, which ${method}(column, where) cannot say`, suggestion };
  }
  const where = loadWhere(args, load.method);
  if (where === null) return { ok: false, reason: 'the where cannot be read', suggestion };
  if (where && where.type !== 'ObjectExpression') return { ok: false, reason: `the where \`${textOf(ctx.source, where)}\` is not an object literal pushdown can check for relation filters`, suggestion };
  if (where?.type === 'ObjectExpression') {
    for (const p of where.properties) {
      const name = p.type === 'ObjectProperty' ? propertyName(p) : undefined;
      const f = name ? model.fields.get(name) : undefined;
      if (!f || !f.isScalar) return { ok: false, reason: `the where ${name ? `filters on \`${name}\`, ${f ? 'a relation (the aggregate would join it, and a to-many join repeats rows in SUM)' : 'not a known column'}` : 'is built with a spread'}`, suggestion };
    }
  }
  return { ok: true, call: callText(load, ctx, method, `'${fieldName}'`, where ? textOf(ctx.source, where) : undefined) };
}

function keyBounded(load: TypeormLoad, ctx: RuleContext): boolean {
  if (load.form === 'builder') return false;
  const where = loadWhere(load.args, load.method);
  const model = typeormModel(load, ctx);
  if (!where || where.type !== 'ObjectExpression' || !model) return false;
  const keys = new Set([...model.primaryKey, ...model.uniqueFields]);
  return where.properties.some((p) => {
    if (p.type !== 'ObjectProperty') return false;
    const name = propertyName(p);
    if (!name || !keys.has(name)) return false;
    const v = p.value;
    if (v.type === 'CallExpression') return v.callee.type === 'Identifier' && (v.callee.name === 'In' || v.callee.name === 'Equal');
    return v.type !== 'ObjectExpression';
  });
}

function keysetBatches(load: TypeormLoad, ctx: RuleContext, batchSize: number): KeysetEmit {
  const byHand = (field: string) => `write the batches by hand: \`find({ where: { ...where, ${field}: MoreThan(last) }, order: { ${field}: 'ASC' }, take: ${batchSize} })\` until a batch comes back short`;
  if (load.form === 'builder') return { ok: false, reason: 'the rows come from a query builder', suggestion: `walk them in batches by hand (\`.andWhere('alias.id > :last').orderBy('alias.id').take(${batchSize})\`)` };
  const model = typeormModel(load, ctx);
  const key = singleKey(model);
  const field = key ? model?.fields.get(key) : undefined;
  if (!model || !field) return { ok: false, reason: model ? `entity ${model.name} has no single-column primary key to batch on` : `no entity facts for \`${load.model}\``, suggestion: byHand('id') };
  const cursorType = field.type === 'int' || field.type === 'float' ? 'number' : field.type === 'string' ? 'string' : undefined;
  if (!cursorType) return { ok: false, reason: `the primary key \`${key}\` is a ${field.typeName}, which pushdown does not batch on`, suggestion: byHand(key!) };
  const bad = unreadable(load, ctx, 'batch');
  if (bad) return bad as KeysetEmit;
  const args = load.args;
  if (args.kind === 'ref') return { ok: false, reason: `the find options come from \`${textOf(ctx.source, args.node)}\`, which pushdown does not edit`, suggestion: byHand(key!) };
  const props = args.kind === 'object' && load.method === 'find' ? args.props : new Map<string, ObjectProperty>();
  for (const k of ['take', 'skip']) {
    if (props.has(k)) return { ok: false, reason: `the query has \`${k}\`: it reads one page, not every row`, suggestion: 'page on the key instead of an offset, by hand' };
  }
  const order = props.get('order');
  if (order && !orderIsKeyAscending(order, key!)) return { ok: false, reason: `the query orders by \`${textOf(ctx.source, order.value)}\`; pushdown batches only in ascending \`${key}\` order`, suggestion: byHand(key!) };
  const sel = props.get('select');
  if (sel && !(sel.value.type === 'ObjectExpression' && sel.value.properties.some((p) => p.type === 'ObjectProperty' && propertyName(p) === key))) {
    return { ok: false, reason: `the select leaves out the key \`${key}\` the batches start from`, suggestion: 'select the key too, and run pushdown again' };
  }
  const where = loadWhere(args, load.method);
  if (where === null || (where && where.type !== 'ObjectExpression')) return { ok: false, reason: 'the where is not an object literal pushdown can extend', suggestion: byHand(key!) };
  if (where?.type === 'ObjectExpression' && where.properties.some((p) => p.type !== 'ObjectProperty' || propertyName(p) === key)) {
    return { ok: false, reason: `the where already tests the key \`${key}\` (or is built with a spread)`, suggestion: byHand(key!) };
  }
  const q = sourceStyle(ctx.ast, ctx.source).quote;
  const kept = load.method === 'find' && args.kind === 'object' ? args.node.properties.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && !['where', 'order'].includes(propertyName(p) ?? '')) : [];
  return {
    ok: true,
    cursorName: 'after',
    cursorType,
    order: `\`${key}\` ascending`,
    tier: 'review',
    note: props.has('relations') ? 'the find loads relations: with `take`, TypeORM pages across the joins with a DISTINCT subquery on the key (typeorm#12877 reports short pages when ordering by a joined column); check that each batch holds whole entities' : undefined,
    cursorOf: (row) => `${row}.${key}`,
    keyFields: [key!],
    imports: [{ from: 'typeorm', names: ['MoreThan'] }],
    query(cursor, indent) {
      const at = `${indent}${indentUnit(load, ctx)}`;
      const past = `${cursor} === undefined ? {} : { ${key}: MoreThan(${cursor}) }`;
      const whereText = where ? objectTextAdding(ctx.source, where, `...(${past})`) : past;
      const lines = [
        `where: ${where ? reindent(whereText, indentAt(ctx.source, where.start ?? 0), at) : whereText}`,
        ...kept.map((p) => reindent(textOf(ctx.source, p), indentAt(ctx.source, p.start ?? 0), at)),
        `order: { ${key}: ${q}ASC${q} }`,
        `take: ${batchSize}`,
      ];
      return `${callText(load, ctx, 'find', `{\n${lines.map((l) => `${at}${l},\n`).join('')}${indent}}`)}`;
    },
  };
}

/** One level of indentation as the find's options object has it (else two spaces). */
function indentUnit(load: TypeormLoad, ctx: RuleContext): string {
  const args = load.args;
  const first = args.kind === 'object' ? args.node.properties[0] : undefined;
  if (args.kind === 'object' && first && ctx.source.slice(args.node.start ?? 0, first.start ?? 0).includes('\n')) {
    const outer = indentAt(ctx.source, args.node.start ?? 0);
    const inner = indentAt(ctx.source, first.start ?? 0);
    if (inner.startsWith(outer) && inner.length > outer.length) return inner.slice(outer.length);
  }
  return '  ';
}

function orderIsKeyAscending(order: ObjectProperty, key: string): boolean {
  const v = order.value;
  if (v.type !== 'ObjectExpression' || v.properties.length !== 1) return false;
  const p = v.properties[0];
  if (p.type !== 'ObjectProperty' || propertyName(p) !== key) return false;
  const d = p.value;
  return (d.type === 'StringLiteral' && /^asc$/i.test(d.value)) || (d.type === 'NumericLiteral' && d.value === 1);
}

/** findBy's argument, as written. */
function whereArgText(load: TypeormLoad, ctx: RuleContext): string {
  const args = load.args;
  return args.kind === 'none' ? '{}' : textOf(ctx.source, args.node);
}

function literalNumber(node: Expression): number | undefined {
  if (node.type === 'NumericLiteral') return node.value;
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'NumericLiteral') return -node.argument.value;
  return undefined;
}

function reparse(text: string): ObjectExpression | undefined {
  try {
    const e = parseExpressionSync(text);
    return e?.type === 'ObjectExpression' ? e : undefined;
  } catch {
    return undefined;
  }
}

function parseExpressionSync(text: string): Expression | undefined {
  return parseExpression(text, { plugins: ['typescript'] });
}
