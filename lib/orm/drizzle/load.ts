/**
 * What a Drizzle load is: one select chain, anchored on its outermost call,
 *   db.select().from(t)            db.select({ f: t.f }).from(t)
 *   ... .where(w)   ... .orderBy(o, ...)   (each at most once, in either order)
 * whose table is a name (`users`, `schema.users`), never a string (Knex's
 * `from('users')`). Chains that already bound or reshape their rows (limit,
 * offset, joins, groupBy, having, selectDistinct, $dynamic, set operations,
 * `.as()` subqueries) are not whole-table loads and are never offered.
 *
 * The receiver is a Drizzle database: an identifier bound to `drizzle(...)`,
 * typed as one (`BetterSQLite3Database`, `NodePgDatabase`, `*Transaction`, a
 * `Db` alias), the parameter of a `.transaction(...)` callback, a client name
 * (also as `this.<name>` and `ctx.<name>`) not bound to another library, or,
 * when nothing says what it is, any receiver whose `from` names a table the
 * project defines.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, Node, TSType } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import type { OrmFacts } from '../core/facts.js';
import type { Load, PlainContext } from '../core/types.js';
import { isCallbackParamOf, unwrapExpression } from '../core/bindings.js';

export const DRIZZLE_ID = 'drizzle';

/** One call of the chain: `.where(w)` and where it sits. */
export interface ChainCall {
  name: string;
  call: CallExpression;
}

/** `<db>.select(sel?).from(t)[.where(w)][.orderBy(...)]`. */
export interface DrizzleLoad extends Load {
  /** The database the chain starts from (`db`, `tx`, `this.db`). Never changed by a rewrite. */
  db: Expression;
  select: CallExpression;
  /** `select({ ... })`'s argument, when it has one. */
  selection?: Node;
  table: Expression;
  where?: CallExpression;
  orderBy?: CallExpression;
  /** The chain's calls, first to last (`select`, `from`, ...). */
  calls: ChainCall[];
}

const OTHER_LIBRARY = /prisma|knex|kysely|sequelize|typeorm|mongoose|mongo|mikro|objection|bookshelf|supabase|sql\.js/i;
const DRIZZLE_TYPE = /(Database|Transaction)$|^(Db|DB|Drizzle\w*)$|drizzle/i;
const NOT_DRIZZLE_TYPE = /prisma|kysely|knex|sequelize|typeorm|mongo|supabase/i;

/** The facts governing the file, when table definitions were found. */
export function drizzleFacts(ctx: PlainContext): OrmFacts | undefined {
  return ctx.options.orm?.[DRIZZLE_ID]?.facts;
}

/** Read the select chain whose outermost call is `path`, or null when it is not a whole-table load. */
export function readSelectChain(path: NodePath<CallExpression>): Omit<DrizzleLoad, 'dialect' | 'call' | 'model'> | null {
  return isOutermost(path) ? readSelectChainNode(path.node) : null;
}

/** readSelectChain without asking whether the call is the outermost of its chain (that needs its parent): the plain call's part. */
export function readSelectChainNode(call: CallExpression): Omit<DrizzleLoad, 'dialect' | 'call' | 'model'> | null {
  const calls: ChainCall[] = [];
  let node: Node = call;
  for (;;) {
    if (node.type !== 'CallExpression') return null;
    const callee: Node = node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
    calls.unshift({ name: callee.property.name, call: node });
    if (callee.property.name === 'select') break;
    node = callee.object;
  }
  const [select, from, ...rest] = calls;
  if (!from || from.name !== 'from' || from.call.arguments.length !== 1) return null;
  if (select.call.arguments.length > 1 || select.call.arguments[0]?.type === 'SpreadElement') return null;
  const table = from.call.arguments[0];
  if (!isTableName(table)) return null;
  let where: CallExpression | undefined;
  let orderBy: CallExpression | undefined;
  for (const c of rest) {
    const args = c.call.arguments;
    if (args.some((a) => a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder')) return null;
    if (c.name === 'where' && !where && args.length === 1) where = c.call;
    else if (c.name === 'orderBy' && !orderBy && args.length >= 1) orderBy = c.call;
    else return null;
  }
  const selectCallee = select.call.callee as Extract<Node, { type: 'MemberExpression' }>;
  // The receiver is reused as text in new calls: a name or `this.db`, never an expression needing parentheses.
  // `select({ total: count() })`, `select({ n: sql`count(*)` })`: one row of aggregates, not the table's rows.
  if (select.call.arguments[0] && aggregates(select.call.arguments[0])) return null;
  const db = selectCallee.object;
  const thisMember = db.type === 'MemberExpression' && !db.computed && db.object.type === 'ThisExpression';
  if (!thisMember && !isTableName(db)) return null;
  return { db, select: select.call, selection: select.call.arguments[0], table, where, orderBy, calls };
}

const AGGREGATE_FN = /^(count|countDistinct|sum|sumDistinct|avg|avgDistinct|min|max)$/;
const AGGREGATE_SQL = /\b(count|sum|avg|min|max|group_concat|string_agg|array_agg|json_agg)\s*\(/i;

/** A selection object with an aggregate among its values (a call of `count()`..., or SQL text that aggregates). */
function aggregates(selection: Node): boolean {
  if (selection.type !== 'ObjectExpression') return false;
  const isAggregate = (n: Node): boolean => {
    if (n.type === 'CallExpression') {
      if (n.callee.type === 'Identifier' && AGGREGATE_FN.test(n.callee.name)) return true;
      return n.callee.type === 'MemberExpression' ? isAggregate(n.callee.object) : false; // `sql`...`.mapWith(Number).as('n')`
    }
    if (n.type === 'TaggedTemplateExpression') return n.quasi.quasis.some((q) => AGGREGATE_SQL.test(q.value.raw));
    return false;
  };
  return selection.properties.some((p) => p.type === 'ObjectProperty' && isAggregate(p.value));
}

/** The model a table expression names: `users`, `schema.users` → `users`. */
export function tableName(table: Expression): string {
  if (table.type === 'Identifier') return table.name;
  if (table.type === 'MemberExpression' && table.property.type === 'Identifier') return table.property.name;
  return '';
}

function isTableName(node: Node | undefined): node is Expression {
  if (!node) return false;
  if (node.type === 'Identifier') return true;
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && isTableName(node.object);
}

/**
 * The call is the last of its chain: nothing is chained on it (but `.then`),
 * and it is not handed to another query as a subquery (`inArray(t.id, db.select()...)`).
 */
function isOutermost(path: NodePath<CallExpression>): boolean {
  const parent = path.parentPath;
  if (!parent) return true;
  const p = parent.node;
  if ((p.type === 'MemberExpression' || p.type === 'OptionalMemberExpression') && p.object === path.node) {
    return !p.computed && p.property.type === 'Identifier' && p.property.name === 'then';
  }
  if ((p.type === 'CallExpression' || p.type === 'NewExpression') && p.arguments.includes(path.node)) return false;
  return true;
}

/** What the code says the receiver is: a Drizzle database, something else, or nothing. */
export type Verdict = 'drizzle' | 'other' | 'unknown';

export function receiverVerdict(path: NodePath<Expression>, clientNames: readonly string[]): Verdict {
  const node = path.node;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const name = node.property.name;
    const obj = node.object;
    if (obj.type !== 'ThisExpression' && !(obj.type === 'Identifier' && (obj.name === 'ctx' || obj.name === 'context'))) return 'unknown';
    if (obj.type === 'ThisExpression') {
      const typed = classMemberType(path, name);
      if (typed !== undefined) return typed;
    }
    return clientNames.includes(name) || /drizzle/i.test(name) ? 'drizzle' : 'unknown';
  }
  if (node.type !== 'Identifier') return 'unknown';
  const conventional: Verdict = clientNames.includes(node.name) || /drizzle/i.test(node.name) ? 'drizzle' : 'unknown';
  const binding = path.scope.getBinding(node.name);
  if (!binding) return conventional;
  if (binding.kind === 'param') {
    if (isCallbackParamOf(binding.path, 'transaction')) return 'drizzle';
    const ann = annotationOf(binding.identifier);
    return ann === null ? conventional : verdictOfType(ann);
  }
  if (binding.kind === 'module') {
    const decl = binding.path.parentPath?.node;
    const from = decl && decl.type === 'ImportDeclaration' ? decl.source.value : '';
    return OTHER_LIBRARY.test(from) ? 'other' : conventional;
  }
  const decl = binding.path.node;
  if (decl.type !== 'VariableDeclarator') return 'unknown';
  const ann = annotationOf(decl.id);
  if (ann !== null) return verdictOfType(ann);
  const init = unwrapExpression(decl.init);
  if (!init) return conventional;
  if (init.type === 'NewExpression') return 'other';
  if (init.type === 'CallExpression') {
    const callee = init.callee;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    if (/^drizzle$/i.test(name)) return 'drizzle';
    if (OTHER_LIBRARY.test(name)) return 'other';
    return conventional;
  }
  if (init.type === 'Identifier' || init.type === 'MemberExpression') return conventional;
  return 'other';
}

function verdictOfType(ann: string | undefined): Verdict {
  if (ann === undefined) return 'unknown';
  if (NOT_DRIZZLE_TYPE.test(ann)) return 'other';
  return DRIZZLE_TYPE.test(ann) ? 'drizzle' : 'other';
}

function typeName(t: TSType): string | undefined {
  if (t.type !== 'TSTypeReference') return undefined;
  const n = t.typeName;
  return n.type === 'Identifier' ? n.name : n.type === 'TSQualifiedName' ? n.right.name : undefined;
}

/** The annotation's type name; undefined for a type pushdown cannot name; null for no annotation. */
function annotationOf(node: Node): string | undefined | null {
  const ann = (node as { typeAnnotation?: Node | null }).typeAnnotation;
  if (!ann || ann.type !== 'TSTypeAnnotation') return null;
  return typeName(ann.typeAnnotation);
}

/** What a class field or constructor parameter property named `name` is declared as. */
function classMemberType(path: NodePath, name: string): Verdict | undefined {
  const cls = path.findParent((p) => p.isClassBody());
  if (!cls || !cls.isClassBody()) return undefined;
  for (const member of cls.node.body) {
    if ((member.type === 'ClassProperty' || member.type === 'ClassAccessorProperty') && member.key.type === 'Identifier' && member.key.name === name) {
      const ann = annotationOf(member);
      if (ann !== null) return verdictOfType(ann);
      const value = member.value;
      if (value?.type === 'CallExpression' && value.callee.type === 'Identifier') return /^drizzle$/i.test(value.callee.name) ? 'drizzle' : OTHER_LIBRARY.test(value.callee.name) ? 'other' : undefined;
    }
    if (member.type === 'ClassMethod' && member.kind === 'constructor') {
      for (const param of member.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === name) {
          const ann = annotationOf(param.parameter);
          if (ann !== null) return verdictOfType(ann);
        }
      }
    }
  }
  return undefined;
}
