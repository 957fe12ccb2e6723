/**
 * The Mongoose dialect (Mongoose 7–9).
 *
 * A load is a query chain awaited whole: `Model.find(filter?, projection?)`
 * followed by any of `.sort()`, `.limit()`, `.skip()`, `.lean()`, `.select()`,
 * `.populate()`, `.session()`, `.exec()`. The chain is one load, anchored on
 * its last call. `Model` is a model the project declares (`model('User',
 * schema)`, lib/orm/mongoose/facts.ts): the constant itself, a member named
 * like it (`models.User`), or a NestJS member injected with
 * `@InjectModel(User.name)`. Without a declared model nothing is a load:
 * `find` is the commonest name there is (every array has one).
 *
 * Semantics (../shared/ORM-NOTES.md §1–2, §4, §11): countDocuments (never the
 * estimated count) honours the filter, skip and limit; exists resolves to
 * `{ _id } | null`; findOne takes the same filter, projection, sort and skip;
 * `{ f: null }` and `$ne` also match documents where the field is missing;
 * aggregate's `$match` is not cast by the schema; query middleware is per
 * operation (a `pre('find')` hook does not run for countDocuments or exists).
 */
import type { Binding, NodePath } from '@babel/traverse';
import { isDeclaredModel } from '../core/model-source.js';
import { declaresModels, readModels } from './facts.js';
import type { CallExpression, Expression, MemberExpression, Node, ObjectExpression } from '@babel/types';
import { calledMethod, mayBeModelMember } from '../core/shapes.js';
import type { FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { objectTextAdding, propertyName, sourceStyle, textOf } from '../../text.js';
import type { ModelFacts, OrmFacts } from '../core/facts.js';
import type { AggregateOp, Dialect, Emit, KeysetEmit, Load, LoadShape, OrmMessages, PlainContext } from '../core/types.js';
import { dollarOrOpOperator, operatorWhereBound } from '../core/bounds.js';

export const MONGOOSE_ID = 'mongoose';

/** Query methods a load chain may carry after `find`. */
const CHAIN = new Set(['sort', 'limit', 'skip', 'lean', 'select', 'populate', 'session', 'exec']);

interface Link {
  name: string;
  call: CallExpression;
  /** The link's text as written, from the end of the call before it: `\n  .sort({ a: 1 })`. */
  text: string;
}

export interface MongooseLoad extends Load {
  /** The model, as written (`User`, `this.userModel`). Never changed. */
  receiver: Expression;
  /** `Model.find(...)`. */
  base: CallExpression;
  filter?: Node;
  /** find's projection or options arguments (2nd, 3rd): pushdown does not read them. */
  extraArgs: boolean;
  links: Link[];
}

export const mongooseMessages: OrmMessages = {
  unfiltered: 'no filter, no limit',
  uncapped: 'a find with no `.limit()`',
  batchesByHand: (n) => `walk the documents in batches (\`find({ _id: { $gt: last } }).sort({ _id: 1 }).limit(${n})\`, or a \`.cursor()\`) and \`Promise.all\` within each batch`,
  lastRowByHand: '`findOne` with the `sort` reversed (add `_id` when there is none)',
  existsByHand: 'ask the database by hand: `(await Model.findOne(filter, { _id: 1 }).lean()) !== null`',
  aggregateByHand: (op) => `aggregate in the database: \`Model.aggregate([{ $match: filter }, { $group: { _id: null, ${op}: { $${op}: '$field' } } }])\`, minding that $match is not cast by the schema`,
  queryHooks: (where) =>
    `review: a schema in this project has find middleware (pre/post find, in ${where}); countDocuments, exists, findOne and aggregate run their own middleware, not find's: check that what it does (a soft-delete filter, a tenant scope) also happens for the new query`,
};

const own = (load: Load) => load as MongooseLoad;
const factsOf = (ctx: PlainContext): OrmFacts | undefined => ctx.options.orm?.[MONGOOSE_ID]?.facts;
const isTs = (ctx: RuleContext) => /\.[cm]?tsx?$/.test(ctx.filePath);

function link(load: MongooseLoad, name: string): Link | undefined {
  return load.links.find((l) => l.name === name);
}

/** The chain's links kept by `keep`, as written. */
function linksText(load: MongooseLoad, keep: (name: string) => boolean): string {
  return load.links.filter((l) => keep(l.name)).map((l) => l.text).join('');
}

function filterText(ctx: RuleContext, load: MongooseLoad): string {
  return load.filter ? textOf(ctx.source, load.filter) : '';
}

function positiveLimit(load: MongooseLoad): number | null | undefined {
  const l = link(load, 'limit');
  if (!l) return null;
  const a = l.call.arguments[0];
  return a?.type === 'NumericLiteral' && Number.isInteger(a.value) && a.value > 0 ? a.value : undefined;
}

function declineExtra(load: MongooseLoad, what: string): Emit | undefined {
  if (load.extraArgs) return { ok: false, reason: 'find is given a projection or options argument, which pushdown does not read', suggestion: `use ${what} by hand with the same filter` };
  return undefined;
}

export const mongooseDialect: Dialect = {
  name: MONGOOSE_ID,
  messages: mongooseMessages,
  loadCallNames: ['find', ...CHAIN],

  matchLoad(path: NodePath<CallExpression>, ctx: RuleContext): MongooseLoad | null {
    const facts = factsOf(ctx);
    if (!facts || facts.models.size === 0) return null;
    // Only the last call of a chain is the load.
    const parent = path.parentPath;
    if (parent?.isMemberExpression() && parent.node.object === path.node && parent.parentPath?.isCallExpression() && parent.parentPath.node.callee === parent.node) {
      const next = parent.node.property;
      if (!parent.node.computed && next.type === 'Identifier' && CHAIN.has(next.name)) return null;
    }
    const links: Link[] = [];
    let node: CallExpression = path.node;
    let nodePath: NodePath<CallExpression> = path;
    for (;;) {
      const callee = node.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
      const name = callee.property.name;
      if (name === 'find') break;
      if (!CHAIN.has(name) || callee.object.type !== 'CallExpression') return null;
      links.unshift({ name, call: node, text: ctx.source.slice(callee.object.end ?? 0, node.end ?? 0) });
      node = callee.object;
      nodePath = nodePath.get('callee.object') as NodePath<CallExpression>;
    }
    if (node.arguments.length > 3 || node.arguments.some((a) => a.type === 'SpreadElement')) return null;
    if (links.some((l, i) => l.name === 'exec' && i !== links.length - 1)) return null;
    const receiverPath = nodePath.get('callee.object') as NodePath<Expression>;
    const model = modelNamed(receiverPath, facts, ctx.filePath);
    if (!model) return null;
    return {
      dialect: mongooseDialect,
      call: path,
      model,
      receiver: receiverPath.node,
      base: node,
      filter: node.arguments[0],
      extraArgs: node.arguments.length > 1,
      links,
    };
  },

  /**
   * matchLoad's conditions that need no binding: models declared, a chain of
   * query methods down to `find(...)`, whose receiver is a model's name, a
   * model's member or `this.<member>`. (Whether the call is the chain's last
   * is not asked: that needs its parent.)
   */
  mayMatchLoad(call: CallExpression, ctx: PlainContext): boolean {
    const facts = factsOf(ctx);
    if (!facts || facts.models.size === 0) return false;
    let node: CallExpression = call;
    for (;;) {
      const name = calledMethod(node);
      if (name === undefined) return false;
      if (name === 'find') break;
      const object = (node.callee as MemberExpression).object;
      // `exec` ends a chain: only the last call may be one.
      if (!CHAIN.has(name) || object.type !== 'CallExpression' || (name === 'exec' && node !== call)) return false;
      node = object;
    }
    if (node.arguments.length > 3 || node.arguments.some((a) => a.type === 'SpreadElement')) return false;
    const receiver = (node.callee as MemberExpression).object;
    return receiver.type === 'Identifier' ? facts.models.has(receiver.name) : mayBeModelMember(receiver, facts.models);
  },

  loadShape(any: Load): LoadShape {
    const load = own(any);
    return { ordered: !!link(load, 'sort'), filtered: load.filter !== undefined, limited: !!link(load, 'limit') || load.extraArgs };
  },

  /** A `.limit()` (or arguments it cannot read) caps the rows; a filter field `$in` a run-time list or past a cursor the loop moves on bounds them. */
  loadBound(any: Load) {
    const load = own(any);
    if (mongooseDialect.loadShape(load).limited) return 'limited';
    return load.filter ? operatorWhereBound(load.call, load.filter, { operator: dollarOrOpOperator, arrayMeansIn: false }) : undefined;
  },

  model: (load, ctx) => factsOf(ctx)?.models.get(load.model),

  count(any, ctx) {
    const load = own(any);
    const extra = declineExtra(load, 'countDocuments');
    if (extra) return extra;
    const rest = linksText(load, (n) => n === 'skip' || n === 'limit' || n === 'session' || n === 'exec');
    return {
      ok: true,
      code: `${textOf(ctx.source, load.receiver)}.countDocuments(${filterText(ctx, load)})${rest}`,
      why: 'countDocuments counts, in the database, the documents find would have loaded (same filter, skip and limit; never the estimated count); nothing is loaded',
    };
  },

  first(any, ctx) {
    const load = own(any);
    const limit = positiveLimit(load);
    if (limit === undefined) return { ok: false, reason: '`.limit()` is not given a positive whole-number literal (0 means no limit in MongoDB)', suggestion: 'use findOne by hand, checking the limit' };
    const args = load.base.arguments.map((a) => textOf(ctx.source, a)).join(', ');
    const rest = linksText(load, (n) => n !== 'limit');
    return { ok: true, code: `${textOf(ctx.source, load.receiver)}.findOne(${args})${rest}`, why: 'findOne returns the document `[0]` would have (same filter, projection, sort and skip), or null, and loads only that one' };
  },

  exists(any, ctx, opts: { empty: boolean; tests?: readonly FieldTest[] }) {
    const load = own(any);
    const extra = declineExtra(load, 'exists');
    if (extra) return extra;
    if (link(load, 'skip')) return { ok: false, reason: 'the query has `.skip()`, so the test asks whether documents exist past an offset, which exists(filter) does not answer', suggestion: 'keep the load, or count with the same skip and `.limit(1)` by hand' };
    const limit = positiveLimit(load);
    if (limit === undefined) return { ok: false, reason: 'the query has a `.limit()` that is not a positive literal, so emptiness depends on it', suggestion: mongooseMessages.existsByHand };
    const tests = opts.tests ?? [];
    if (tests.length > 0 && limit !== null) return { ok: false, reason: 'the query has `.limit()`, so the predicate sees only the first documents, while a filter would test every one', suggestion: 'keep the JavaScript test' };
    let filter = filterText(ctx, load);
    let note: string | undefined;
    if (tests.length > 0) {
      const narrowed = narrowedFilter(ctx, load, tests);
      if (!narrowed.ok) return narrowed;
      filter = narrowed.code;
      note = narrowed.note;
    }
    const session = linksText(load, (n) => n === 'session');
    // findOne with an _id projection, not Model.exists: exists() resolves to a boolean before Mongoose 6 (and is missing in 4), so `!== null` would always hold there.
    const code = `(await ${textOf(ctx.source, load.receiver)}.findOne(${filter || '{}'}, { _id: 1 })${session}.lean()) ${opts.empty ? '===' : '!=='} null`;
    return { ok: true, code, tier: tests.length > 0 ? 'review' : 'safe', note };
  },

  select(any, ctx, fields) {
    const load = own(any);
    const model = mongooseDialect.model?.(load, ctx);
    const q = sourceStyle(ctx.ast, ctx.source).quote;
    const wanted = fields.join(' ');
    const byHand = `load only the paths you read: \`.select(${q}${wanted}${q})\``;
    if (load.extraArgs) return { ok: false, reason: 'find is given a projection or options argument', suggestion: byHand };
    if (!model) return { ok: false, reason: 'the model is not known', suggestion: byHand };
    if (link(load, 'populate')) return { ok: false, reason: 'the query populates a path, which a projection would change', suggestion: byHand };
    for (const f of fields) {
      const facts = model.fields.get(f);
      if (!facts || !facts.isScalar) return { ok: false, reason: `\`${f}\` is ${facts ? `a ${facts.typeName} path with a getter, setter or alias, or not a plain value` : `not a path of the ${model.name} schema (a virtual such as \`id\`, or a document method)`}`, suggestion: byHand };
    }
    const existing = link(load, 'select');
    if (existing) {
      const a = existing.call.arguments[0];
      const listed = a?.type === 'StringLiteral' ? a.value.split(/\s+/).filter(Boolean) : undefined;
      if (listed && listed.length === fields.length && fields.every((f) => listed.includes(f))) return { ok: true, code: textOf(ctx.source, load.call.node) };
      return { ok: false, reason: `the query already selects ${a ? textOf(ctx.source, a) : 'paths'}`, suggestion: byHand };
    }
    const exec = link(load, 'exec');
    const before = textOf(ctx.source, load.call.node).slice(0, exec ? -(exec.text.length) : undefined);
    return {
      ok: true,
      code: `${before}.select(${q}${wanted}${q})${exec ? exec.text : ''}`,
      why: 'the query loads only the paths the code reads; the documents are the same, with the same values for those paths',
    };
  },

  aggregate(any, ctx, op: AggregateOp, field: string) {
    const load = own(any);
    const model = mongooseDialect.model?.(load, ctx);
    const byHand = mongooseMessages.aggregateByHand(op);
    if (load.extraArgs) return { ok: false, reason: 'find is given a projection or options argument', suggestion: byHand };
    const paging = ['limit', 'skip'].find((n) => link(load, n));
    if (paging) return { ok: false, reason: `the query has \`.${paging}()\``, suggestion: byHand };
    const f = model?.fields.get(field);
    if (!f || !f.isScalar || (f.type !== 'float' && f.type !== 'int')) return { ok: false, reason: `\`${field}\` is not a Number path of the ${model?.name ?? 'model'} schema`, suggestion: byHand };
    if (f.nullable) return { ok: false, reason: `\`${field}\` is not \`required\`: a document without it adds \`undefined\` (NaN) in JavaScript, while $${op} skips it`, suggestion: byHand };
    const filter = load.filter;
    if (filter && !castFree(filter, model!)) {
      return { ok: false, reason: "the filter is not an object literal of plain values on plain paths, and aggregate's $match is not cast by the schema (a string id stays a string)", suggestion: byHand };
    }
    const type = isTs(ctx) ? `<{ ${op}: number }>` : '';
    const match = filter ? textOf(ctx.source, filter) : '{}';
    return {
      ok: true,
      code: `((await ${textOf(ctx.source, load.receiver)}.aggregate${type}([{ $match: ${match} }, { $group: { _id: null, ${op}: { $${op}: '$${field}' } } }]))[0]?.${op})`,
      note: "aggregate's $match is not cast by the schema and runs no find middleware: check the filter's values have the stored types",
    };
  },

  narrow(any, ctx, tests) {
    const load = own(any);
    if (load.extraArgs) return { ok: false, reason: 'find is given a projection or options argument', suggestion: 'move the filter into find by hand' };
    const paging = ['limit', 'skip'].find((n) => link(load, n));
    if (paging) return { ok: false, reason: `the query has \`.${paging}()\`, which the database applies after the filter, but the JavaScript filter ran after it, so the documents would differ`, suggestion: 'keep the filter' };
    const narrowed = narrowedFilter(ctx, load, tests);
    if (!narrowed.ok) return narrowed;
    const rest = load.links.map((l) => l.text).join('');
    return { ok: true, code: `${textOf(ctx.source, load.receiver)}.find(${narrowed.code})${rest}`, tier: 'review', note: narrowed.note };
  },

  keysetBatches(any, ctx, batchSize): KeysetEmit {
    const load = own(any);
    const byHand = mongooseMessages.batchesByHand(batchSize);
    if (load.extraArgs) return { ok: false, reason: 'find is given a projection or options argument', suggestion: byHand };
    const paging = ['sort', 'limit', 'skip'].filter((n) => link(load, n));
    if (paging.length > 0) return { ok: false, reason: `the query has ${paging.map((p) => `\`.${p}()\``).join(', ')}, which batches on \`_id\` cannot keep`, suggestion: byHand };
    const select = link(load, 'select');
    if (select && /-_id\b|_id\s*:\s*0/.test(textOf(ctx.source, select.call))) return { ok: false, reason: 'the query leaves `_id` out, and each batch needs it to find the next one', suggestion: byHand };
    const filter = load.filter;
    if (filter && filter.type !== 'ObjectExpression') return { ok: false, reason: 'the filter is not an object literal (it may be undefined, which `$and` does not accept)', suggestion: byHand };
    const rest = linksText(load, (n) => n !== 'exec');
    const ts = isTs(ctx);
    return {
      ok: true,
      cursorName: 'after',
      cursorType: 'Types.ObjectId',
      order: '`_id` ascending',
      tier: 'review',
      keyFields: ['_id'],
      cursorOf: (row) => `${row}._id`,
      imports: ts ? [{ from: 'mongoose', names: ['Types'] }] : undefined,
      query(cursor, indent) {
        const past = `${cursor} === undefined ? {} : { _id: { $gt: ${cursor} } }`;
        const where = filter && (filter as ObjectExpression).properties.length > 0 ? `{ $and: [${textOf(ctx.source, filter)}, ${past}] }` : past;
        const at = `${indent}  `;
        return `${textOf(ctx.source, load.receiver)}.find(${where})\n${at}.sort({ _id: 1 })\n${at}.limit(${batchSize})${rest}`;
      },
    };
  },
};

/** A filter object literal whose values need no cast by the schema: literals of the path's own type, on plain paths. */
function castFree(filter: Node, model: ModelFacts): boolean {
  if (filter.type !== 'ObjectExpression') return false;
  return filter.properties.every((p) => {
    if (p.type !== 'ObjectProperty') return false;
    const name = propertyName(p);
    const f = name ? model.fields.get(name) : undefined;
    if (!f || !f.isScalar || f.isId || f.typeName === 'ObjectId' || f.type === 'date') return false;
    const v = p.value;
    return (
      (v.type === 'StringLiteral' && f.type === 'string') ||
      (v.type === 'NumericLiteral' && (f.type === 'float' || f.type === 'int')) ||
      (v.type === 'BooleanLiteral' && f.type === 'boolean') ||
      (p.shorthand && v.type === 'Identifier' && f.type === 'boolean')
    );
  });
}

type Narrowed = { ok: true; code: string; note?: string } | { ok: false; reason: string; suggestion: string };

const MONGO_OP: Record<string, string> = { ne: '$ne', lt: '$lt', lte: '$lte', gt: '$gt', gte: '$gte' };

/** The find filter with `tests` added, or why MongoDB would not match the same documents. */
function narrowedFilter(ctx: RuleContext, load: MongooseLoad, tests: readonly FieldTest[]): Narrowed {
  const model = mongooseDialect.model?.(load, ctx);
  const decline = (reason: string): Narrowed => ({ ok: false, reason, suggestion: 'keep the JavaScript test, or write the filter by hand' });
  if (!model) return decline('the model is not known');
  const entries = new Map<string, string[]>();
  const notes = new Set<string>();
  for (const t of tests) {
    const shown = ctx.source.slice(t.node.start ?? 0, t.node.end ?? 0);
    const f = model.fields.get(t.field);
    if (!f || !f.isScalar || f.isList || f.isId || f.typeName === 'ObjectId') return decline(`\`${shown}\` reads \`${t.field}\`, which is not a plain value path of the ${model.name} schema (an ObjectId, an array, a virtual?)`);
    if (!['string', 'float', 'int', 'boolean', 'enum'].includes(f.type)) return decline(`\`${shown}\` reads \`${t.field}\`, a ${f.typeName} path: JavaScript compares its values by identity`);
    const list = entries.get(t.field) ?? [];
    entries.set(t.field, list);
    if (t.kind === 'flag') {
      if (f.type !== 'boolean' || f.nullable) return decline(`\`${shown}\` tests the truthiness of \`${t.field}\`, which is ${f.type !== 'boolean' ? `a ${f.typeName}` : 'not required (a missing or null value is falsy in JavaScript, and matches neither true nor false)'}`);
      list.push(t.negated ? 'false' : 'true');
      continue;
    }
    if (t.proof === 'unknown') return decline(`pushdown cannot tell that \`${ctx.source.slice(t.value.start ?? 0, t.value.end ?? 0)}\` is never undefined (Mongoose drops an undefined filter value, matching every document)`);
    if (t.proof === 'null') return decline(`\`${shown}\` compares with null, and MongoDB's \`null\` also matches documents where \`${t.field}\` is missing, unlike JavaScript`);
    if (t.op !== 'eq' && t.op !== 'ne' && f.nullable) return decline(`\`${shown}\` orders \`${t.field}\`, which is not required: JavaScript reads null as 0, and MongoDB matches no missing or null value`);
    const value = ctx.source.slice(t.value.start ?? 0, t.value.end ?? 0);
    if (f.type === 'string' || f.type === 'enum') notes.add(`\`${t.field}\` is a string: MongoDB compares UTF-8 bytes, JavaScript UTF-16 code units (they differ only past U+FFFF), and a collation option would change both equality and order`);
    list.push(t.op === 'eq' ? value : `{ ${MONGO_OP[t.op]}: ${value} }`);
  }
  const added = [...entries].map(([k, conds]) => (conds.length === 1 ? `${k}: ${conds[0]}` : `$and: [${conds.map((c) => `{ ${k}: ${c} }`).join(', ')}]`));
  const addedObj = `{ ${added.join(', ')} }`;
  const filter = load.filter;
  let code: string;
  if (!filter) code = addedObj;
  else if (filter.type === 'ObjectExpression') {
    const names = filter.properties.map((p) => (p.type === 'ObjectProperty' ? propertyName(p) : undefined));
    if (names.length === 0) code = addedObj;
    else if (names.every((n): n is string => n !== undefined && !n.startsWith('$')) && ![...entries.keys()].some((k) => names.includes(k)) && !added.some((a) => a.startsWith('$and'))) code = objectTextAdding(ctx.source, filter, added.join(', '));
    else code = `{ $and: [${textOf(ctx.source, filter)}, ${addedObj}] }`;
  } else return decline('the filter is not an object literal (it may be undefined, which `$and` does not accept)');
  return { ok: true, code, note: [...notes].join('; ') || undefined };
}

/** The model a receiver names, per the project's declared models. */
function modelNamed(path: NodePath<Expression>, facts: OrmFacts, filePath: string): string | undefined {
  const node = path.node;
  if (node.type === 'Identifier') {
    const binding = path.scope.getBinding(node.name);
    if (binding?.kind === 'param') return undefined;
    // A name is the model only where this file declares it, or imports it from a module that does.
    return facts.models.has(node.name) && isDeclaredModel(path, node.name, filePath, declaredHere, declaredIn) ? node.name : undefined;
  }
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const name = node.property.name;
    if (facts.models.has(name)) return name;
    if (node.object.type === 'ThisExpression') return injectedModel(path, name, facts, filePath);
  }
  return undefined;
}

/** `const User = model('User', schema)` (or `mongoose.model(...)`) in this file. */
function declaredHere(binding: Binding): boolean {
  const node = binding.path.node;
  if (node.type !== 'VariableDeclarator' || !node.init) return false;
  let init = node.init;
  while (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression') init = init.expression;
  if (init.type !== 'CallExpression') return false;
  const callee = init.callee;
  return (callee.type === 'Identifier' && callee.name === 'model') || (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === 'model');
}

const declaredIn = (text: string): string[] => (declaresModels(text) ? readModels(text).map((m) => m.codeName) : []);

/** `@InjectModel(User.name) private readonly userModel: Model<UserDocument>`: `User`. */
function injectedModel(path: NodePath, name: string, facts: OrmFacts, filePath: string): string | undefined {
  const cls = path.findParent((p) => p.isClassBody());
  if (!cls || !cls.isClassBody()) return undefined;
  for (const member of cls.node.body) {
    if (member.type !== 'ClassMethod' || member.kind !== 'constructor') continue;
    for (const param of member.params) {
      if (param.type !== 'TSParameterProperty' || param.parameter.type !== 'Identifier' || param.parameter.name !== name) continue;
      for (const d of param.decorators ?? []) {
        const e = d.expression;
        if (e.type !== 'CallExpression' || e.callee.type !== 'Identifier' || e.callee.name !== 'InjectModel') continue;
        const a = e.arguments[0];
        const model = a?.type === 'StringLiteral' ? a.value : a?.type === 'MemberExpression' && a.object.type === 'Identifier' ? a.object.name : undefined;
        if (model && facts.models.has(model) && (a?.type === 'StringLiteral' || isDeclaredModel(path, model, filePath, declaredHere, declaredIn))) return model;
      }
    }
  }
  return undefined;
}
