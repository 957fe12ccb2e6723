/**
 * The Sequelize dialect (Sequelize 6).
 *
 * A load is `<Model>.findAll(options?)` where `<Model>` is a model the project
 * declares (Model.init or sequelize.define, lib/orm/sequelize/facts.ts): the
 * class or constant itself, a member named like it (`models.User`,
 * `sequelize.models.User`, `this.User`), or a parameter or class member typed
 * `typeof User` (NestJS `@InjectModel(User) private userModel: typeof User`).
 * Without a declared model nothing is a load: `findAll` is a common name.
 *
 * Option semantics (src/model.js, ../shared/ORM-NOTES.md): count() forces
 * limit, offset and order to null, counts joined rows under `include` unless
 * `distinct: true`, and returns an array with `group`; findOne adds `limit 1`;
 * sum/min/max are null on no rows. `transaction`, `paranoid`, `logging`,
 * `benchmark`, `useMaster` and `searchPath` are carried to every new query.
 */
import type { Binding, NodePath } from '@babel/traverse';
import { isDeclaredModel } from '../core/model-source.js';
import { declaresModels, readModels } from './facts.js';
import type { CallExpression, Expression, MemberExpression, Node, ObjectProperty, TSType } from '@babel/types';
import { calledMethod, mayBeModelMember } from '../core/shapes.js';
import type { RuleContext } from '../../rule.js';
import { indentAt, objectTextAdding, objectTextKeeping, propertyName, reindent, sourceStyle, textOf } from '../../text.js';
import type { FieldTest } from '../../analysis/predicate.js';
import type { FieldFacts, ModelFacts, OrmFacts } from '../core/facts.js';
import { singleKey } from '../core/facts.js';
import { readOptionsArg, type OptionsArg } from '../core/options-arg.js';
import { dollarOrOpOperator, operatorWhereBound } from '../core/bounds.js';
import type { AggregateOp, Dialect, Emit, KeysetEmit, Load, LoadShape, OrmMessages, PlainContext } from '../core/types.js';
import { optionsWithWhere, sequelizeWhereFor } from './where.js';

export const SEQUELIZE_ID = 'sequelize';

export interface SequelizeLoad extends Load {
  /** The model the call is made on, as written (`User`, `this.userModel`). Never changed. */
  receiver: Expression;
  args: OptionsArg;
}

/** Options carried to every query that replaces a findAll: they choose the connection or the rows the same way. */
const CARRIED = new Set(['transaction', 'paranoid', 'logging', 'benchmark', 'useMaster', 'searchPath']);
/** Options that only shape each row. */
const ROW_SHAPE = new Set(['attributes', 'raw', 'nest', 'plain', 'mapToModel']);
const KNOWN = new Set([...CARRIED, ...ROW_SHAPE, 'where', 'order', 'limit', 'offset', 'include', 'group', 'having', 'lock', 'skipLocked', 'subQuery']);

const OP_IMPORT = [{ from: 'sequelize', names: ['Op'] }] as const;

export const sequelizeMessages: OrmMessages = {
  unfiltered: 'no where, no limit',
  uncapped: 'a findAll with no `limit`',
  batchesByHand: (n) => `walk the rows in keyset batches (findAll with \`where: { id: { [Op.gt]: last } }\`, \`order: [['id', 'ASC']]\`, \`limit: ${n}\`) and \`Promise.all\` within each batch`,
  lastRowByHand: '`findOne` with the `order` reversed (add the primary key when there is none)',
  existsByHand: "ask the database by hand, e.g. `(await Model.findOne({ where, attributes: ['id'] })) !== null`",
  aggregateByHand: (op) => `aggregate in the database with \`Model.${op}(field, { where })\` if NULLs should be skipped, or filter them out first`,
  queryHooks: (where) =>
    `review: this project defines find hooks (beforeFind, afterFind, ...; one in ${where}) and Sequelize runs them per operation (count runs beforeCount, not beforeFind): check that what they do for findAll (a tenant filter, a soft delete) also happens for the new query`,
};

const own = (load: Load) => load as SequelizeLoad;
const factsOf = (ctx: PlainContext): OrmFacts | undefined => ctx.options.orm?.[SEQUELIZE_ID]?.facts;
const isTs = (ctx: RuleContext) => /\.[cm]?tsx?$/.test(ctx.filePath);
const q = (ctx: RuleContext) => sourceStyle(ctx.ast, ctx.source).quote;

function props(load: SequelizeLoad): ReadonlyMap<string, ObjectProperty> {
  return load.args.kind === 'object' || load.args.kind === 'ref' ? load.args.props : new Map();
}

/** The options text keeping only `keep` (plus nothing else), or '' when none is kept. */
function kept(ctx: RuleContext, load: SequelizeLoad, keep: (name: string) => boolean): string | undefined {
  const args = load.args;
  if (args.kind === 'none') return '';
  if (args.kind === 'unknown') return undefined;
  if (args.kind === 'ref') return [...args.props.keys()].every(keep) ? textOf(ctx.source, args.node) : undefined;
  return objectTextKeeping(ctx.source, args.node, (p) => keep(propertyName(p) ?? '')) ?? '';
}

/** Why the options cannot be carried over, or undefined when they can. */
function unreadable(ctx: RuleContext, load: SequelizeLoad, what: string): Emit | undefined {
  const args = load.args;
  if (args.kind === 'unknown') return { ok: false, reason: `the findAll options are ${args.reason}, so pushdown cannot tell which of them ${what} accepts`, suggestion: `call ${what} by hand with the same where` };
  const unknown = [...props(load).keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return { ok: false, reason: `findAll has option(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: `call ${what} by hand if they mean the same there` };
  return undefined;
}

function refused(load: SequelizeLoad, names: readonly string[], reason: (name: string) => string, suggestion: string): Emit | undefined {
  const hit = names.find((n) => props(load).has(n));
  return hit ? { ok: false, reason: reason(hit), suggestion } : undefined;
}

function positiveLiteral(load: SequelizeLoad, name: string): number | undefined | null {
  const p = props(load).get(name);
  if (!p) return null;
  const v = p.value;
  return v.type === 'NumericLiteral' && Number.isInteger(v.value) && v.value > 0 ? v.value : undefined;
}

export const sequelizeDialect: Dialect = {
  name: SEQUELIZE_ID,
  messages: sequelizeMessages,
  loadCallNames: ['findAll'],

  matchLoad(path: NodePath<CallExpression>, ctx: RuleContext): SequelizeLoad | null {
    const callee = path.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'findAll') return null;
    if (path.node.arguments.length > 1) return null;
    const facts = factsOf(ctx);
    if (!facts || facts.models.size === 0) return null;
    const receiver = callee.object as Expression;
    const model = modelNamed(path.get('callee.object') as NodePath<Expression>, facts, ctx.filePath);
    if (!model) return null;
    return { dialect: sequelizeDialect, call: path, model, receiver, args: readOptionsArg(path, 0) };
  },

  /** matchLoad's conditions that need no binding: models declared, `findAll(options?)` on a name, a model's member or `this.<member>`. */
  mayMatchLoad(call: CallExpression, ctx: PlainContext): boolean {
    if (calledMethod(call) !== 'findAll' || call.arguments.length > 1) return false;
    const facts = factsOf(ctx);
    if (!facts || facts.models.size === 0) return false;
    const receiver = (call.callee as MemberExpression).object;
    // A name may be a parameter typed `typeof User`, whatever it is called.
    return receiver.type === 'Identifier' || mayBeModelMember(receiver, facts.models);
  },

  loadShape(any: Load): LoadShape {
    const load = own(any);
    const unknown = load.args.kind === 'unknown';
    const p = props(load);
    return { ordered: unknown || p.has('order'), filtered: unknown || p.has('where'), limited: unknown || p.has('limit') };
  },

  /** A `limit` (or options it cannot read) caps the rows; a where field in a run-time list (`id: ids`, `{ [Op.in]: ids }`) or past a cursor the loop moves on bounds them. */
  loadBound(any: Load) {
    const load = own(any);
    if (load.args.kind === 'unknown' || props(load).has('limit')) return 'limited';
    const where = props(load).get('where');
    return where ? operatorWhereBound(load.call, where.value, { operator: dollarOrOpOperator, arrayMeansIn: true }) : undefined;
  },

  model: (load, ctx) => factsOf(ctx)?.models.get(load.model),

  count(any, ctx) {
    const load = own(any);
    const bad =
      unreadable(ctx, load, 'count()') ??
      refused(load, ['limit', 'offset'], (n) => `the query has \`${n}\`, and Sequelize's count() ignores it (it counts every matching row)`, 'count the page by hand, or keep the load if the page is small') ??
      refused(load, ['group', 'having'], (n) => `the query has \`${n}\`, and count() with a group returns one count per group`, 'count the groups by hand') ??
      refused(load, ['include'], () => 'the query has `include`, and count() counts joined rows unless `distinct: true` (and an include with `where` or `required` filters the rows)', "count by hand: `Model.count({ where, include, distinct: true, col: 'id' })`");
    if (bad) return bad;
    const text = kept(ctx, load, (n) => n === 'where' || CARRIED.has(n));
    if (text === undefined) return { ok: false, reason: 'the findAll options come from a variable that also carries options count() treats differently', suggestion: 'count with only the where: `Model.count({ where: q.where })`' };
    return { ok: true, code: `${textOf(ctx.source, load.receiver)}.count(${text})`, why: 'count() counts, in the database, the rows findAll would have loaded (same where, scopes and paranoid); nothing is loaded' };
  },

  first(any, ctx) {
    const load = own(any);
    const bad =
      unreadable(ctx, load, 'findOne()') ??
      refused(load, ['include'], () => 'the query has `include`, and findOne puts its `limit 1` in a subquery of the parent rows, which can pick another first row than findAll', 'use findOne by hand with the same options, checking the order') ??
      refused(load, ['group', 'having'], (n) => `the query has \`${n}\``, 'keep the load');
    if (bad) return bad;
    const limit = positiveLiteral(load, 'limit');
    if (limit === undefined) return { ok: false, reason: '`limit` is not a positive whole-number literal: with 0 the first row is always undefined', suggestion: 'when `limit` is always positive, use `findOne` without it' };
    const text = kept(ctx, load, (n) => n !== 'limit');
    if (text === undefined) return { ok: false, reason: 'the findAll options come from a variable that carries a `limit`', suggestion: 'use findOne by hand without the limit' };
    return { ok: true, code: `${textOf(ctx.source, load.receiver)}.findOne(${text})`, why: 'findOne returns the row `[0]` would have (same where, order, offset, attributes; `limit 1` in the database), or null' };
  },

  exists(any, ctx, opts: { empty: boolean; tests?: readonly FieldTest[] }) {
    const load = own(any);
    const bad =
      unreadable(ctx, load, 'findOne()') ??
      refused(load, ['offset'], () => 'the query has `offset`, so the test asks whether rows exist past an offset, which an existence query over the where does not answer', 'keep the load, or ask findOne with the same offset by hand') ??
      refused(load, ['include', 'group', 'having'], (n) => `the query has \`${n}\`, which can change which parent rows come back`, 'test existence by hand');
    if (bad) return bad;
    const limit = positiveLiteral(load, 'limit');
    if (limit === undefined) return { ok: false, reason: 'the query has a `limit` that is not a positive literal (0 returns no row), so emptiness depends on it', suggestion: 'test existence by hand' };
    const tests = opts.tests ?? [];
    if (tests.length > 0 && limit !== null) return { ok: false, reason: 'the query has `limit`, so the predicate sees only the first rows, while a where would test every row', suggestion: 'keep the JavaScript test' };
    const model = sequelizeDialect.model?.(load, ctx);
    const key = singleKey(model);
    if (!model || !key) return { ok: false, reason: 'the model has no single-column primary key pushdown knows', suggestion: sequelizeMessages.existsByHand };
    let where: string | undefined;
    const notes: string[] = [];
    const args = load.args;
    if (tests.length > 0) {
      const w = sequelizeWhereFor(tests, model, ctx.source);
      if (!w.ok) return w;
      notes.push(...w.notes);
      const merged = optionsWithWhere(ctx.source, args, w.entries);
      if (merged === undefined) return { ok: false, reason: 'the where is not an object literal (it may be undefined, which Sequelize rejects inside Op.and)', suggestion: 'test existence by hand' };
      where = whereOf(merged);
    } else if (args.kind === 'object' || args.kind === 'ref') {
      const p = args.props.get('where');
      where = p ? (args.kind === 'ref' ? `${textOf(ctx.source, args.node)}.where` : textOf(ctx.source, p.value)) : undefined;
    }
    const carried = args.kind === 'object' ? args.node.properties.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && CARRIED.has(propertyName(p) ?? '')).map((p) => textOf(ctx.source, p)) : [];
    if (args.kind === 'ref' && [...args.props.keys()].some((k) => CARRIED.has(k))) return { ok: false, reason: 'the findAll options come from a variable that carries a transaction or paranoid option', suggestion: sequelizeMessages.existsByHand };
    const entries = [...(where !== undefined ? [where === 'where' ? 'where' : `where: ${where}`] : []), `attributes: [${q(ctx)}${key}${q(ctx)}]`, ...carried];
    const code = `(await ${textOf(ctx.source, load.receiver)}.findOne({ ${entries.join(', ')} })) ${opts.empty ? '===' : '!=='} null`;
    return { ok: true, code, tier: tests.length > 0 ? 'review' : 'safe', note: notes.join('; ') || undefined, imports: tests.length > 0 && /\bOp\./.test(code) ? OP_IMPORT : undefined };
  },

  select(any, ctx, fields) {
    const load = own(any);
    const model = sequelizeDialect.model?.(load, ctx);
    const wanted = fields.map((f) => `${q(ctx)}${f}${q(ctx)}`).join(', ');
    const byHand = `load only the attributes you read: \`findAll({ ..., attributes: [${wanted}] })\``;
    const bad =
      unreadable(ctx, load, 'an attributes list') ??
      refused(load, ['include', 'group', 'having'], (n) => `the query has \`${n}\`, whose rows an attributes list would change`, byHand) ??
      refused(load, ['raw', 'nest', 'plain'], (n) => `the query has \`${n}\``, byHand);
    if (bad) return bad;
    if (!model) return { ok: false, reason: 'the model is not known', suggestion: byHand };
    for (const f of fields) {
      const facts: FieldFacts | undefined = model.fields.get(f);
      if (!facts || !facts.isScalar) return { ok: false, reason: `\`${f}\` is ${facts ? `a ${facts.typeName} attribute with a getter or no stored column` : `not a declared attribute of ${model.name} (a getter, a method, an association?)`}`, suggestion: byHand };
    }
    const args = load.args;
    if (args.kind === 'ref') return { ok: false, reason: `the findAll options come from \`${textOf(ctx.source, args.node)}\`, which pushdown does not edit`, suggestion: byHand };
    const call = (text: string) => `${textOf(ctx.source, load.receiver)}.findAll(${text})`;
    const attrs = `attributes: [${wanted}]`;
    if (args.kind === 'none') return { ok: true, code: call(`{ ${attrs} }`) };
    if (args.kind !== 'object') return { ok: false, reason: 'the options cannot be read', suggestion: byHand };
    const existing = args.props.get('attributes');
    if (existing) {
      const v = existing.value;
      const listed = v.type === 'ArrayExpression' && v.elements.every((e) => e?.type === 'StringLiteral') ? v.elements.map((e) => (e as { value: string }).value) : undefined;
      if (!listed) return { ok: false, reason: `\`attributes\` is ${textOf(ctx.source, v)}, which pushdown does not narrow`, suggestion: byHand };
      const missing = fields.filter((f) => !listed.includes(f));
      if (missing.length > 0) return { ok: false, reason: `\`attributes\` does not load ${missing.map((m) => `\`${m}\``).join(', ')}, which the code reads`, suggestion: 'check the code: those reads see undefined' };
      if (listed.length === fields.length) return { ok: true, code: textOf(ctx.source, load.call.node) };
      const text = textOf(ctx.source, args.node);
      const from = (existing.value.start ?? 0) - (args.node.start ?? 0);
      const to = (existing.value.end ?? 0) - (args.node.start ?? 0);
      return { ok: true, code: call(`${text.slice(0, from)}[${wanted}]${text.slice(to)}`) };
    }
    return { ok: true, code: call(objectTextAdding(ctx.source, args.node, attrs)), why: 'findAll loads only the attributes the code reads; the rows are the same instances, with the same values for those attributes' };
  },

  aggregate(any, ctx, op: AggregateOp, field: string) {
    const load = own(any);
    const model = sequelizeDialect.model?.(load, ctx);
    const fn = op;
    const byHand = sequelizeMessages.aggregateByHand(op);
    const bad =
      unreadable(ctx, load, `${fn}()`) ??
      refused(load, ['limit', 'offset'], (n) => `the query has \`${n}\`, which ${fn}() ignores`, byHand) ??
      refused(load, ['include', 'group', 'having'], (n) => `the query has \`${n}\``, byHand);
    if (bad) return bad;
    const f = model?.fields.get(field);
    if (!f || !f.isScalar) return { ok: false, reason: `\`${field}\` is not a declared number column of ${model?.name ?? 'the model'}`, suggestion: byHand };
    if (f.type !== 'int' && f.type !== 'float') {
      return { ok: false, reason: `\`${field}\` is ${f.typeName}: ${f.type === 'decimal' || f.type === 'bigint' ? 'Sequelize returns its aggregate parsed as a float (or a string on some dialects), not what adding the loaded values gives' : 'not a number column'}`, suggestion: byHand };
    }
    const text = kept(ctx, load, (n) => n === 'where' || CARRIED.has(n));
    if (text === undefined) return { ok: false, reason: 'the findAll options come from a variable that carries options aggregates treat differently', suggestion: byHand };
    const opts = text === '' ? '' : `, ${text}`;
    const cast = isTs(ctx) && op !== 'sum' ? ' as number | null' : '';
    return {
      ok: true,
      code: `(await ${textOf(ctx.source, load.receiver)}.${fn}(${q(ctx)}${field}${q(ctx)}${opts}))${cast}`,
      note: f.type === 'float' && op === 'sum' ? `\`${field}\` is a float: the database may add the values in another order, so the last digits can differ` : undefined,
    };
  },

  narrow(any, ctx, tests) {
    const load = own(any);
    const bad =
      unreadable(ctx, load, 'a where') ??
      refused(load, ['limit', 'offset'], (n) => `the query has \`${n}\`, which the database applies after a where but the JavaScript filter runs after, so the rows would differ`, 'keep the filter') ??
      refused(load, ['include', 'group', 'having'], (n) => `the query has \`${n}\``, 'move the filter into the where by hand');
    if (bad) return bad;
    const model = sequelizeDialect.model?.(load, ctx);
    if (!model) return { ok: false, reason: 'the model is not known', suggestion: 'move the filter into the where by hand' };
    const w = sequelizeWhereFor(tests, model, ctx.source);
    if (!w.ok) return w;
    if (load.args.kind === 'ref') return { ok: false, reason: `the findAll options come from \`${textOf(ctx.source, load.args.node)}\`, which pushdown does not edit`, suggestion: 'move the filter into the where by hand' };
    const text = optionsWithWhere(ctx.source, load.args, w.entries);
    if (text === undefined) return { ok: false, reason: 'the where is not an object literal (it may be undefined, which Sequelize rejects inside Op.and)', suggestion: 'move the filter into the where by hand' };
    const code = `${textOf(ctx.source, load.receiver)}.findAll(${text})`;
    return { ok: true, code, tier: 'review', note: w.notes.join('; ') || undefined, imports: /\[Op\./.test(code) ? OP_IMPORT : undefined };
  },

  keysetBatches(any, ctx, batchSize): KeysetEmit {
    const load = own(any);
    const model = sequelizeDialect.model?.(load, ctx);
    const key = singleKey(model);
    const f = key ? model?.fields.get(key) : undefined;
    const tsType = f?.type === 'int' || f?.type === 'float' ? 'number' : f?.type === 'string' ? 'string' : f?.type === 'bigint' ? 'bigint' : undefined;
    const byHand = `write the batches by hand: \`findAll({ where: { ${key ?? 'id'}: { [Op.gt]: last } }, order: [['${key ?? 'id'}', 'ASC']], limit: ${batchSize} })\` until a batch comes back short`;
    if (!model || !key || !tsType) return { ok: false, reason: 'the model has no single-column number or string primary key pushdown knows', suggestion: byHand };
    const args = load.args;
    if (args.kind === 'unknown' || args.kind === 'ref') return { ok: false, reason: args.kind === 'unknown' ? `the findAll options are ${args.reason}` : 'the findAll options come from a variable pushdown does not edit', suggestion: byHand };
    const p = props(load);
    const unknown = [...p.keys()].filter((k) => !KNOWN.has(k));
    if (unknown.length > 0) return { ok: false, reason: `findAll has option(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: byHand };
    const paging = ['limit', 'offset', 'group', 'having', 'include', 'order', 'lock'].filter((k) => p.has(k));
    if (paging.length > 0) {
      return { ok: false, reason: `the query has ${paging.map((k) => `\`${k}\``).join(', ')}, which batches on the primary key cannot keep`, suggestion: paging.includes('order') ? 'batch by hand on the ordered columns, with the key as tie-breaker' : byHand };
    }
    const attrs = p.get('attributes');
    if (attrs && !(attrs.value.type === 'ArrayExpression' && attrs.value.elements.some((e) => e?.type === 'StringLiteral' && e.value === key))) {
      return { ok: false, reason: `\`attributes\` may leave \`${key}\` out of the rows, and each batch needs it to find the next one`, suggestion: `load \`${key}\` too and run pushdown again` };
    }
    const where = p.get('where');
    if (where && where.value.type !== 'ObjectExpression') return { ok: false, reason: 'the where is not an object literal (it may be undefined, which Sequelize rejects inside Op.and)', suggestion: byHand };
    const quote = q(ctx);
    const keptProps = args.kind === 'object' ? args.node.properties.filter((x): x is ObjectProperty => x.type === 'ObjectProperty' && (ROW_SHAPE.has(propertyName(x) ?? '') || CARRIED.has(propertyName(x) ?? ''))) : [];
    return {
      ok: true,
      cursorName: 'after',
      cursorType: tsType,
      order: `\`${key}\` ascending`,
      tier: 'review',
      keyFields: [key],
      cursorOf: (row) => `${row}.${key}`,
      imports: OP_IMPORT,
      query(cursor, indent) {
        const past = `${cursor} === undefined ? {} : { ${key}: { [Op.gt]: ${cursor} } }`;
        const at = `${indent}  `;
        const whereText = where ? reindent(textOf(ctx.source, where.value), indentAt(ctx.source, where.start ?? 0), at) : undefined;
        const lines = [
          whereText === undefined ? `where: ${past}` : `where: { [Op.and]: [${whereText}, ${past}] }`,
          ...keptProps.map((x) => reindent(textOf(ctx.source, x), indentAt(ctx.source, x.start ?? 0), at)),
          `order: [[${quote}${key}${quote}, ${quote}ASC${quote}]]`,
          `limit: ${batchSize}`,
        ];
        return `${textOf(ctx.source, load.receiver)}.findAll({\n${lines.map((l) => `${at}${l},\n`).join('')}${indent}})`;
      },
    };
  },
};

/** The where value out of an options text `{ where: X, ... }` built by optionsWithWhere. */
function whereOf(options: string): string {
  const m = /where:\s*/.exec(options);
  if (!m) return options;
  let depth = 0;
  const start = m.index + m[0].length;
  for (let i = start; i < options.length; i++) {
    const c = options[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      if (depth === 0) return options.slice(start, i).trim();
      depth--;
    } else if (c === ',' && depth === 0) return options.slice(start, i).trim();
  }
  return options.slice(start).trim();
}

/** The model a receiver names, per the project's declared models. */
function modelNamed(path: NodePath<Expression>, facts: OrmFacts, filePath: string): string | undefined {
  const node = path.node;
  // A name is the model only where this file declares it, or imports it from a module that does.
  const real = (name: string | undefined) => (name !== undefined && isDeclaredModel(path, name, filePath, declaredHere, declaredIn) ? name : undefined);
  if (node.type === 'Identifier') {
    const binding = path.scope.getBinding(node.name);
    if (binding?.kind === 'param') return real(typeofModel(annotation(binding.identifier), facts));
    return facts.models.has(node.name) ? real(node.name) : undefined;
  }
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const name = node.property.name;
    if (facts.models.has(name)) return name;
    if (node.object.type === 'ThisExpression') return real(typeofModel(classMemberType(path, name), facts));
  }
  return undefined;
}

/** `class User extends Model {}` (initialised with User.init) or `const User = sequelize.define(...)` in this file. */
function declaredHere(binding: Binding): boolean {
  const node = binding.path.node;
  if (node.type === 'ClassDeclaration') return node.superClass != null;
  if (node.type !== 'VariableDeclarator' || !node.init) return false;
  const init = node.init;
  return init.type === 'CallExpression' && init.callee.type === 'MemberExpression' && init.callee.property.type === 'Identifier' && init.callee.property.name === 'define';
}

const declaredIn = (text: string): string[] => (declaresModels(text) ? readModels(text).map((m) => m.codeName) : []);

function annotation(node: Node): TSType | undefined {
  const ann = (node as { typeAnnotation?: Node | null }).typeAnnotation;
  return ann?.type === 'TSTypeAnnotation' ? ann.typeAnnotation : undefined;
}

/** `typeof User` (or `ModelStatic<User>`, `ModelCtor<User>`) naming a declared model. */
function typeofModel(t: TSType | undefined, facts: OrmFacts): string | undefined {
  if (!t) return undefined;
  if (t.type === 'TSTypeQuery' && t.exprName.type === 'Identifier') return facts.models.has(t.exprName.name) ? t.exprName.name : undefined;
  if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && /^(ModelStatic|ModelCtor)$/.test(t.typeName.name)) {
    const arg = t.typeParameters?.params[0];
    if (arg?.type === 'TSTypeReference' && arg.typeName.type === 'Identifier' && facts.models.has(arg.typeName.name)) return arg.typeName.name;
  }
  return undefined;
}

/** The declared type of a class field or constructor parameter property `name`. */
function classMemberType(path: NodePath, name: string): TSType | undefined {
  const cls = path.findParent((p) => p.isClassBody());
  if (!cls || !cls.isClassBody()) return undefined;
  for (const member of cls.node.body) {
    if (member.type === 'ClassProperty' && member.key.type === 'Identifier' && member.key.name === name) return annotation(member);
    if (member.type === 'ClassMethod' && member.kind === 'constructor') {
      for (const param of member.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === name) return annotation(param.parameter);
      }
    }
  }
  return undefined;
}

export type { ModelFacts };
