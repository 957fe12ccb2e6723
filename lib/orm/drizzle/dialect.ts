/**
 * The Drizzle dialect (drizzle-orm 0.34+: `$count` came in 0.34).
 *
 * A load is a select chain (load.ts). What each answer says, and why it
 * returns what the loaded rows gave:
 * - count: `db.$count(t, w)`: the same rows (the where is carried; an orderBy
 *   or a projection does not change how many rows there are).
 * - exists: `(await db.select({ one: sql`1` }).from(t).where(w).limit(1)).length > 0`:
 *   Drizzle has no exists; the first matching row answers it.
 * - first: the chain with `.limit(1)` appended: the result is still an array,
 *   so `[0]`, destructuring and emptiness tests keep their exact meaning
 *   (undefined for no row), and every use stays as it was.
 * - select: `db.select({ f: t.f, ... })`: the rows hold just those columns,
 *   under the same keys, decoded as before.
 * - aggregate: `(await db.select({ sum: sum(t.f).mapWith(Number) }).from(t).where(w))[0]?.sum`:
 *   `sum()` gives `string | null` (it is exact in the driver's own type);
 *   `.mapWith(Number)` keeps null for no rows or only NULLs, and makes the sum
 *   the number the reduce computed. `min`/`max` decode with the column's own
 *   type. Only integer and real columns (numeric/decimal are strings, bigint
 *   bigints, timestamps Dates in JS).
 * - narrow: `.where(and(w, gte(t.f, v)))` (where.ts says what may be narrowed).
 * - keyset batches: `.where(and(w, after === undefined ? undefined : gt(t.id, after))).orderBy(asc(t.id)).limit(n)`.
 * Imports (`sql`, `and`, `gte`, ...) come from `drizzle-orm`.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, Node } from '@babel/types';
import type { FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { indentAt, reindent, textOf } from '../../text.js';
import { singleKey, type ModelFacts } from '../core/facts.js';
import type { AggregateOp, AggregatePart, AggregatesEmit, Dialect, Emit, ImportSpec, KeysetEmit, Load, LoadShape, PlainContext } from '../core/types.js';
import { addAfter, editedChain, removeCall, replaceArgs } from './chain.js';
import { memberName } from '../core/shapes.js';
import { DRIZZLE_ID, drizzleFacts, readSelectChain, readSelectChainNode, receiverVerdict, tableName, type DrizzleLoad } from './load.js';
import { an, drizzleMessages } from './messages.js';
import { conditionsFor } from './where.js';
import { bySelectApi, queryExists, queryFirst, querySelect, readQueryCall, readQueryCallNode, type DrizzleQueryLoad } from './relational.js';

const FROM = 'drizzle-orm';
const own = (load: Load) => load as DrizzleLoad;
/** A relational-API load (`db.query.t.findMany`), not a select chain. */
const relational = (load: Load): load is DrizzleQueryLoad => (load as Partial<DrizzleQueryLoad>).kind === 'query';
const imports = (...names: string[]): ImportSpec[] => [{ from: FROM, names }];

const COUNT_WHY = 'the database counts the same rows the select would have loaded (same table and where); nothing is loaded';
const FIRST_WHY = 'with `.limit(1)` the query returns the row `[0]` was (same where and orderBy), still as an array, so every use reads what it read; only that row is loaded';
const SELECT_WHY = 'only the columns the map callback reads are loaded, under the same keys and decoded the same way; the mapped values are the same';

export const drizzleDialect: Dialect = {
  name: DRIZZLE_ID,
  messages: drizzleMessages,
  loadCallNames: ['from', 'where', 'orderBy', 'findMany'],

  matchLoad(path: NodePath<CallExpression>, ctx: RuleContext, clientNames: readonly string[]): DrizzleLoad | DrizzleQueryLoad | null {
    const query = readQueryCall(path);
    if (query) {
      const verdict = receiverVerdict((path.get('callee.object.object.object') as NodePath<Expression>), clientNames);
      return verdict === 'drizzle' || (verdict === 'unknown' && drizzleFacts(ctx)?.models.has(query.model)) ? { dialect: drizzleDialect, call: path, ...query } : null;
    }
    const chain = readSelectChain(path);
    if (!chain) return null;
    const model = tableName(chain.table);
    const selectPath = findPath(path, chain.select);
    const dbPath = selectPath?.get('callee.object') as NodePath<Expression> | undefined;
    const verdict = dbPath ? receiverVerdict(dbPath, clientNames) : 'unknown';
    if (verdict === 'other') return null;
    // Nothing says what the receiver is: a table the project defines, bound in this file, says it is Drizzle's.
    if (verdict === 'unknown' && !(drizzleFacts(ctx)?.models.has(model) && tableBound(path, chain.table))) return null;
    const load: DrizzleLoad = { dialect: drizzleDialect, call: path, model, ...chain };
    // `where(eq(t.id, id))`: at most one row, already (a lookup, not a whole-table load).
    return pinsUnique(load, ctx, false) ? null : load;
  },

  /**
   * matchLoad's conditions that need no binding: a relational `findMany` or a
   * select chain by its shape; for a chain whose receiver is a member no
   * binding can make Drizzle's (`a.b`, `ctx.other`), a table the facts know.
   */
  mayMatchLoad(call: CallExpression, ctx: PlainContext, clientNames: readonly string[]): boolean {
    if (readQueryCallNode(call)) return true;
    const chain = readSelectChainNode(call);
    if (!chain) return false;
    const db = chain.db;
    const name = memberName(db);
    if (db.type === 'Identifier' || name === undefined || db.type !== 'MemberExpression' || db.object.type === 'ThisExpression') return true;
    const ctxMember = db.object.type === 'Identifier' && (db.object.name === 'ctx' || db.object.name === 'context');
    if (ctxMember && (clientNames.includes(name) || /drizzle/i.test(name))) return true;
    return drizzleFacts(ctx)?.models.has(tableName(chain.table)) === true;
  },

  loadShape(any: Load): LoadShape {
    if (relational(any)) return { ordered: any.props.has('orderBy'), filtered: any.props.has('where'), limited: false };
    const load = own(any);
    return { ordered: load.orderBy !== undefined, filtered: load.where !== undefined, limited: false };
  },

  model: (load, ctx) => drizzleFacts(ctx)?.models.get(load.model),

  count(any: Load, ctx: RuleContext): Emit {
    if (relational(any)) return bySelectApi('a count', `\`await db.$count(${any.model}, w)\` with the where as SQL`);
    const load = own(any);
    const where = load.where ? `, ${textOf(ctx.source, load.where.arguments[0])}` : '';
    return { ok: true, code: `${textOf(ctx.source, load.db)}.$count(${textOf(ctx.source, load.table)}${where})`, why: COUNT_WHY };
  },

  first(any: Load, ctx: RuleContext) {
    if (relational(any)) return queryFirst(any, ctx);
    const load = own(any);
    return { ok: true, code: editedChain(ctx.source, load, [addAfter(ctx.source, last(load), 'limit', '1')]), why: FIRST_WHY, keepsRows: true };
  },

  exists(any: Load, ctx: RuleContext, opts: { empty: boolean; tests?: readonly FieldTest[] }): Emit {
    if (relational(any)) return queryExists(any, ctx, opts.empty, (opts.tests?.length ?? 0) > 0);
    const load = own(any);
    const narrowed = narrowEdits(load, ctx, opts.tests ?? []);
    if (!narrowed.ok) return narrowed;
    const edits = [replaceArgs(ctx.source, load.select, '{ one: sql`1` }'), ...narrowed.edits];
    if (load.orderBy) edits.push(removeCall(load.orderBy));
    const lastKept = load.calls.map((c) => c.call).filter((c) => c !== load.orderBy).pop() ?? load.call.node;
    edits.push(addAfter(ctx.source, lastKept, 'limit', '1'));
    const code = `(await ${editedChain(ctx.source, load, edits)}).length ${opts.empty ? '===' : '>'} 0`;
    // A JavaScript predicate said in SQL is for review (collation); a plain emptiness test is not.
    const tier = opts.tests && opts.tests.length > 0 ? 'review' : 'safe';
    return { ok: true, code, tier, imports: imports('sql', ...narrowed.names), ...(narrowed.notes.length > 0 ? { note: narrowed.notes.join('; ') } : {}) };
  },

  narrow(any: Load, ctx: RuleContext, tests: readonly FieldTest[]): Emit {
    if (relational(any)) return bySelectApi('a filter', `\`db.select().from(${any.model}).where(and(w, ...))\`, or the condition in the config's where by hand`);
    const load = own(any);
    const narrowed = narrowEdits(load, ctx, tests);
    if (!narrowed.ok) return narrowed;
    return { ok: true, code: editedChain(ctx.source, load, narrowed.edits), tier: 'review', imports: imports(...narrowed.names), ...(narrowed.notes.length > 0 ? { note: narrowed.notes.join('; ') } : {}) };
  },

  select(any: Load, ctx: RuleContext, fields: readonly string[]): Emit {
    if (relational(any)) return querySelect(any, ctx, fields);
    const load = own(any);
    const table = textOf(ctx.source, load.table);
    const model = drizzleFacts(ctx)?.models.get(load.model);
    if (load.selection) {
      // A projection already: it holds every field the rows are read for (the code compiled), nothing to narrow.
      return { ok: true, code: textOf(ctx.source, load.call.node) };
    }
    const missing = model ? fields.filter((f) => !model.fields.has(f)) : [];
    if (missing.length > 0) {
      return {
        ok: false,
        reason: `${missing.map((f) => `\`${f}\``).join(', ')} ${missing.length === 1 ? 'is not a column' : 'are not columns'} of ${model?.name} in its table definition`,
        suggestion: `select the columns by hand: \`select({ ${fields.map((f) => `${f}: ${table}.${f}`).join(', ')} })\``,
      };
    }
    const code = editedChain(ctx.source, load, [replaceArgs(ctx.source, load.select, `{ ${fields.map((f) => `${f}: ${table}.${f}`).join(', ')} }`)]);
    if (!model) return { ok: true, code, tier: 'review', note: `no table definition was found for \`${table}\`: check that ${fields.map((f) => `\`${f}\``).join(', ')} ${fields.length === 1 ? 'is a column' : 'are columns'} of it`, why: SELECT_WHY };
    return { ok: true, code, why: SELECT_WHY };
  },

  aggregate(any: Load, ctx: RuleContext, op: AggregateOp, field: string): Emit {
    if (relational(any)) return bySelectApi(`a ${op}`, `\`(await db.select({ v: ${op}(${any.model}.${field}) }).from(${any.model}).where(w))[0]?.v\``);
    const load = own(any);
    const table = textOf(ctx.source, load.table);
    const where = load.where ? `.where(${textOf(ctx.source, load.where.arguments[0])})` : '';
    const byHand = `aggregate in the database: \`(await db.select({ ${op}: ${op}(${table}.${field}) }).from(${table})${where})[0]?.${op}\`, handling its null (no rows, or only NULLs)`;
    const column = numberColumn(load, ctx, field, byHand);
    if (!column.ok) return column;
    const value = op === 'sum' ? `sum(${table}.${field}).mapWith(Number)` : `${op}(${table}.${field})`;
    const chain = editedChain(ctx.source, load, [replaceArgs(ctx.source, load.select, `{ ${op}: ${value} }`), ...(load.orderBy ? [removeCall(load.orderBy)] : [])]);
    const code = `(await ${chain})[0]?.${op}`;
    const note = aggregateNotes({ op, field }, column.type, column.provider)[0];
    return note ? { ok: true, code, tier: 'review', imports: imports(op), note } : { ok: true, code, tier: 'safe', imports: imports(op) };
  },

  aggregates(any: Load, ctx: RuleContext, parts: readonly AggregatePart[]): AggregatesEmit {
    if (relational(any)) return bySelectApi('several aggregates', '`db.select({ ... }).from(t).where(w)` with one aggregate per key');
    const load = own(any);
    const table = textOf(ctx.source, load.table);
    const byHand = `aggregate in the database: one \`db.select({ total: sum(${table}.f).mapWith(Number), most: max(${table}.f), n: count() }).from(${table})\` with the same where, handling each null (no rows, or only NULLs)`;
    const keys: string[] = [];
    const values = new Map<string, string>();
    const notes: string[] = [];
    const names = new Set<string>();
    for (const part of parts) {
      if (part.op === 'count') {
        keys.push('count');
        values.set('count', 'count()');
        names.add('count');
        continue;
      }
      const column = numberColumn(load, ctx, part.field, byHand);
      if (!column.ok) return column;
      const key = `${part.op}${part.field.charAt(0).toUpperCase()}${part.field.slice(1)}`;
      keys.push(key);
      const col = `${table}.${part.field}`;
      values.set(key, part.op === 'sum' || part.op === 'avg' ? `${part.op}(${col}).mapWith(Number)` : `${part.op}(${col})`);
      names.add(part.op);
      for (const note of aggregateNotes(part, column.type, column.provider)) if (!notes.includes(note)) notes.push(note);
    }
    const selection = `{ ${[...values].map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
    const chain = editedChain(ctx.source, load, [replaceArgs(ctx.source, load.select, selection), ...(load.orderBy ? [removeCall(load.orderBy)] : [])]);
    return {
      ok: true,
      // An aggregate select without groupBy returns exactly one row.
      query: `(await ${chain})[0]!`,
      read: (i, holder) => `${holder}.${keys[i]}`,
      tier: notes.length > 0 ? 'review' : 'safe',
      note: notes.length > 0 ? notes.join('; ') : undefined,
      imports: imports(...names),
    };
  },

  keysetBatches(any: Load, ctx: RuleContext, batchSize: number): KeysetEmit {
    if (relational(any)) return bySelectApi('a walk in batches', `\`limit: ${batchSize}\` and a where past the last key seen, ordered by the key, until a batch comes back short`);
    const load = own(any);
    const table = textOf(ctx.source, load.table);
    const model = drizzleFacts(ctx)?.models.get(load.model);
    const key = keyOf(model, table);
    if (!key.ok) return key;
    const col = `${table}.${key.field}`;
    if (load.selection && load.selection.type !== 'ObjectExpression') {
      return { ok: false, reason: `the select's fields come from \`${textOf(ctx.source, load.selection)}\`, which pushdown does not read, so it cannot tell whether each batch has \`${key.field}\``, suggestion: `batch by hand on \`${col}\`` };
    }
    if (load.selection && !selects(load.selection, key.field)) {
      return { ok: false, reason: `the select does not load \`${key.field}\`, which each batch needs to find the next one, and adding it would change the rows the loop sees`, suggestion: `add \`${key.field}: ${col}\` to the select and run pushdown again` };
    }
    let direction: 'asc' | 'desc' = 'asc';
    if (load.orderBy) {
      const d = orderOnKey(load.orderBy, ctx, col);
      if (!d) return { ok: false, reason: `the select is ordered by \`${load.orderBy.arguments.map((a) => textOf(ctx.source, a)).join(', ')}\`, and pushdown batches only in the order of the key \`${key.field}\``, suggestion: `batch by hand on (the ordered columns, ${key.field}), or drop the order if it does not matter` };
      direction = d;
    }
    const cmp = direction === 'asc' ? 'gt' : 'lt';
    const names = [...(load.where ? ['and'] : []), direction, cmp];
    return {
      ok: true,
      cursorName: 'after',
      cursorType: key.type,
      order: `\`${key.field}\` ${direction === 'asc' ? 'ascending' : 'descending'}`,
      tier: 'review',
      note: key.assumed ? `no Drizzle table definition was found for \`${table}\`, so the key is assumed to be \`${key.field}\`, a number: check it is the table's primary key` : undefined,
      cursorOf: (row) => `${row}.${key.field}`,
      keyFields: [key.field],
      imports: imports(...names),
      query(cursor, indent) {
        const at = `${indent}  `;
        const past = `${cursor} === undefined ? undefined : ${cmp}(${col}, ${cursor})`;
        const arg = (n: Node) => reindent(textOf(ctx.source, n), indentAt(ctx.source, n.start ?? 0), at);
        const where = load.where ? `and(${arg(load.where.arguments[0])}, ${past})` : past;
        const links = [
          `.select(${load.selection ? arg(load.selection) : ''})`,
          `.from(${table})`,
          `.where(${where})`,
          `.orderBy(${direction}(${col}))`,
          `.limit(${batchSize})`,
        ];
        return `${textOf(ctx.source, load.db)}${links.map((l) => `\n${at}${l}`).join('')}`;
      },
    };
  },

  keyBounded: (load, ctx) => !relational(load) && pinsUnique(own(load), ctx, true),
};

/**
 * Does the where pin the key or a unique column (at its top level or in an `and`)
 * to one value (`eq`), or with `lists` also to a list (`inArray`)? Without
 * facts the key is taken to be `id`.
 */
function pinsUnique(load: DrizzleLoad, ctx: RuleContext, lists: boolean): boolean {
  const model = drizzleFacts(ctx)?.models.get(load.model);
  const where = load.where?.arguments[0];
  if (!where) return false;
  const key = singleKey(model) ?? (model ? undefined : 'id');
  const pinned = new Set([...(key ? [key] : []), ...(model?.uniqueFields ?? [])]);
  const table = textOf(ctx.source, load.table);
  const pins = (n: Node): boolean => {
    if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier') return false;
    const fn = n.callee.name;
    if (fn === 'and') return n.arguments.some((a) => pins(a));
    if (fn !== 'eq' && !(lists && fn === 'inArray')) return false;
    const col = n.arguments[0];
    return col?.type === 'MemberExpression' && col.property.type === 'Identifier' && textOf(ctx.source, col.object) === table && pinned.has(col.property.name);
  };
  return pins(where);
}

/** The chain's last call: where `.limit(1)` goes. */
function last(load: DrizzleLoad): CallExpression {
  return load.calls[load.calls.length - 1].call;
}

type Narrowed = { ok: true; edits: ReturnType<typeof replaceArgs>[]; names: string[]; notes: string[] } | { ok: false; reason: string; suggestion: string };

/** The edits that add `tests` to the chain's where: `and(w, ...)`, or a new `.where(...)` after `from`. */
function narrowEdits(load: DrizzleLoad, ctx: RuleContext, tests: readonly FieldTest[]): Narrowed {
  if (tests.length === 0) return { ok: true, edits: [], names: [], notes: [] };
  const table = textOf(ctx.source, load.table);
  const said = conditionsFor(tests, table, drizzleFacts(ctx)?.models.get(load.model), ctx.source);
  if (!said.ok) return said;
  if (said.conditions.length === 0) return { ok: true, edits: [], names: [], notes: said.notes };
  if (load.where) {
    const w = load.where.arguments[0];
    return { ok: true, edits: [replaceArgs(ctx.source, load.where, `and(${textOf(ctx.source, w)}, ${said.conditions.join(', ')})`)], names: ['and', ...said.names], notes: said.notes };
  }
  const from = load.calls[1].call;
  const cond = said.conditions.length === 1 ? said.conditions[0] : `and(${said.conditions.join(', ')})`;
  return { ok: true, edits: [addAfter(ctx.source, from, 'where', cond)], names: [...(said.conditions.length > 1 ? ['and'] : []), ...said.names], notes: said.notes };
}

type Key = { ok: true; field: string; type: string; assumed: boolean } | { ok: false; reason: string; suggestion: string };

const KEY_TYPE: Record<string, string> = { int: 'number', float: 'number', string: 'string' };

function keyOf(model: ModelFacts | undefined, table: string): Key {
  if (!model) return { ok: true, field: 'id', type: 'number', assumed: true };
  const id = singleKey(model);
  const field = id ? model.fields.get(id) : undefined;
  if (!field) return { ok: false, reason: `${model.name} has no single-column primary key to batch on`, suggestion: `batch by hand on a unique, not-null column of \`${table}\`` };
  const type = KEY_TYPE[field.type];
  if (!type) return { ok: false, reason: `the primary key \`${field.name}\` is ${an(field.typeName)} column, which pushdown does not batch on`, suggestion: 'batch by hand on the key' };
  return { ok: true, field: field.name, type, assumed: false };
}

/** `select({ id: users.id, ... })` loads the key under its own name. */
function selects(selection: Node, field: string): boolean {
  if (selection.type !== 'ObjectExpression') return false;
  return selection.properties.some((p) => p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === field && p.value.type === 'MemberExpression' && p.value.property.type === 'Identifier' && p.value.property.name === field);
}

/** `orderBy(asc(t.id))`, `orderBy(t.id)`, `orderBy(desc(t.id))`: the direction, when the order is the key's alone. */
function orderOnKey(orderBy: CallExpression, ctx: RuleContext, col: string): 'asc' | 'desc' | undefined {
  if (orderBy.arguments.length !== 1) return undefined;
  const a = orderBy.arguments[0];
  if (textOf(ctx.source, a) === col) return 'asc';
  if (a.type === 'CallExpression' && a.callee.type === 'Identifier' && (a.callee.name === 'asc' || a.callee.name === 'desc') && a.arguments.length === 1 && textOf(ctx.source, a.arguments[0]) === col) return a.callee.name;
  return undefined;
}

/** The path of a node inside the chain under `path`. */
function findPath(path: NodePath<CallExpression>, node: CallExpression): NodePath<CallExpression> | undefined {
  let p: NodePath = path;
  while (p.node !== node) {
    if (!p.isCallExpression()) return undefined;
    p = p.get('callee.object') as NodePath;
  }
  return p as NodePath<CallExpression>;
}

/** The table is a name the file imports or declares at its top level, not a parameter or a local guess. */
function tableBound(path: NodePath, table: Expression): boolean {
  let root: Node = table;
  while (root.type === 'MemberExpression') root = root.object;
  if (root.type !== 'Identifier') return false;
  const binding = path.scope.getBinding(root.name);
  return binding !== undefined && (binding.kind === 'module' || (binding.scope.path.isProgram() && binding.kind === 'const'));
}

type ColumnCheck = { ok: true; type: 'int' | 'float'; provider: string | undefined } | { ok: false; reason: string; suggestion: string };

/** An integer or real column of the load's table, whose values and aggregates are JS numbers; or why not. */
function numberColumn(load: DrizzleLoad, ctx: RuleContext, field: string, byHand: string): ColumnCheck {
  const table = textOf(ctx.source, load.table);
  const facts = drizzleFacts(ctx);
  const model = facts?.models.get(load.model);
  if (!model) return { ok: false, reason: `no Drizzle table definition was found for \`${table}\`, so pushdown cannot tell whether \`${field}\` is an integer or real column (numeric, bigint and timestamp values add up differently in JS)`, suggestion: `${byHand}, or pass --schema` };
  const f = model.fields.get(field);
  if (!f) return { ok: false, reason: `\`${field}\` is not a column of ${model.name}`, suggestion: 'check the code: it does not add values stored in this table' };
  if (f.type === 'decimal') return { ok: false, reason: `\`${field}\` is ${an(f.typeName)} column: each row holds a string, which \`+\` concatenates, while the database adds the numbers`, suggestion: `${byHand}; it is a string, so decide how to add exactly (a decimal library) before converting` };
  if (f.type === 'bigint') return { ok: false, reason: `\`${field}\` is ${an(f.typeName)} column: each row holds a bigint, which cannot be mixed with a number literal`, suggestion: `${byHand}, starting from \`0n\`` };
  if (f.type !== 'int' && f.type !== 'float') return { ok: false, reason: `\`${field}\` is ${an(f.typeName)} column, not an integer or real one`, suggestion: `check the code: \`+\` and Math.max on it do not add or compare numbers the way SQL does` };
  return { ok: true, type: f.type, provider: facts?.provider };
}

/** What a reviewer must check for one aggregate of a number column; none when it is exact. */
function aggregateNotes(part: { op: AggregateOp | 'avg'; field: string }, type: 'int' | 'float', provider: string | undefined): string[] {
  const adds = `the database adds ${type === 'float' ? 'the floats in its own order, so the last digits may differ' : 'the values as integers; a sum beyond 2^53 loses precision differently'}`;
  if (part.op === 'sum') return [adds];
  if (part.op === 'avg') return [`AVG of \`${part.field}\` is the database's sum divided by the count, rounded by the database (the last digit may differ)`, adds];
  if (type === 'float' && provider === 'postgresql') return [`a NaN in \`${part.field}\` makes Math.${part.op} NaN, while ${part.op.toUpperCase()} ranks NaN above every number`];
  return [];
}
