/**
 * The Prisma dialect (Prisma 5–7).
 *
 * A load is `<client>.<model>.findMany(args?)`, where the client is an
 * identifier bound to `new PrismaClient(...)` (or `.$extends(...)` of one),
 * typed or imported as one, a client name (the user's `--client-names`, else
 * the plugin's conventional `prisma`, `db`, `tx`, `client`, minus a name another
 * active plugin also claims; also as `this.<name>` and `ctx.<name>`), or the
 * parameter of a `$transaction` callback. Drizzle's `db.query.<table>.findMany()`
 * has a client of `db.query`, which is none of these, and is left alone.
 *
 * Argument semantics, per ../shared/ORM-NOTES.md: count() takes where, take
 * and skip (a cursor too, but not every cursor findMany takes); it has no distinct (prisma#4228) and rejects select
 * other than a count selection, include, omit and relationLoadStrategy.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, MemberExpression, Node, TSType } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { objectTextKeeping, propertyName, textOf } from '../../text.js';
import type { Dialect, Emit, Load, LoadShape, PlainContext } from '../core/types.js';
import { readObject, readOptionsArg } from '../core/options-arg.js';
import { isCallbackParamOf, unwrapExpression } from '../core/bindings.js';
import { calledMethod, memberName } from '../core/shapes.js';
import { PRISMA_ID, prismaFacts, type PrismaLoad } from './load.js';
import { prismaMessages } from './messages.js';
import { prismaFindFirst, prismaFindFirstWhere } from './first.js';
import { prismaFindLast } from './last.js';
import { prismaKeyBounded, prismaKeysetBatches } from './batches.js';
import { prismaSelect } from './select.js';
import { prismaAggregate, prismaAggregates } from './aggregate.js';
import { prismaBoundedCount, prismaExists } from './exists.js';
import { prismaNarrow } from './where.js';
import { prismaLoadBound } from './bounds.js';
import { prismaInQuery, prismaMatchKeyedQuery, prismaMayMatchKeyedQuery, prismaQueryKind, prismaRowKey } from './in.js';

const LOAD_METHODS = ['findMany'] as const;

/** findMany arguments that do not change which rows, or how many, come back. */
const ROW_SHAPE_ONLY = new Set(['select', 'include', 'omit', 'relationLoadStrategy']);
/** findMany arguments count() honours with the same meaning. */
const COUNT_KEEPS = new Set(['where', 'cursor', 'take', 'skip']);
/** Every findMany argument pushdown knows; anything else makes it decline. */
const KNOWN_ARGS = new Set([...ROW_SHAPE_ONLY, ...COUNT_KEEPS, 'orderBy', 'distinct']);

const OTHER_ORM = /drizzle|knex|kysely|sequelize|typeorm|mongoose|mongo|mikro|objection|bookshelf|waterline|datasource/i;
const PRISMA_TYPE = /prisma|transactionclient/i;

/** The dialect works on the loads it made. */
const own = (load: Load) => load as PrismaLoad;

const COUNT_WHY = 'the database counts the same rows findMany would have loaded (same where/cursor/take/skip); nothing is loaded';

export const prismaDialect: Dialect = {
  name: PRISMA_ID,
  messages: prismaMessages,
  loadCallNames: LOAD_METHODS,

  matchLoad(path: NodePath<CallExpression>, ctx: RuleContext, clientNames: readonly string[]): PrismaLoad | null {
    void ctx;
    const callee = path.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed) return null;
    if (callee.property.type !== 'Identifier' || !LOAD_METHODS.includes(callee.property.name as 'findMany')) return null;
    const receiver = callee.object;
    if (receiver.type !== 'MemberExpression' || receiver.computed || receiver.property.type !== 'Identifier') return null;
    const model = receiver.property.name;
    if (model.startsWith('$')) return null;
    const calleePath = path.get('callee') as NodePath;
    const clientPath = calleePath.get('object.object') as NodePath<Expression>;
    if (!isPrismaClient(clientPath, clientNames)) return null;
    if (path.node.arguments.length > 1) return null;
    return { dialect: prismaDialect, call: path, receiver, model, method: callee.property.name, args: readOptionsArg(path, 0) };
  },

  /** matchLoad's conditions that need no binding: `<client>.<model>.findMany(args?)` with a client that can be one by its shape. */
  mayMatchLoad(call: CallExpression, ctx: PlainContext, clientNames: readonly string[]): boolean {
    void ctx;
    const method = calledMethod(call);
    if (method === undefined || !LOAD_METHODS.includes(method as 'findMany') || call.arguments.length > 1) return false;
    const receiver = (call.callee as MemberExpression).object;
    const model = memberName(receiver);
    if (model === undefined || model.startsWith('$')) return false;
    return mayBePrismaClient((receiver as MemberExpression).object, clientNames);
  },

  loadShape(any: Load): LoadShape {
    const load = own(any);
    const props = load.args.kind === 'object' || load.args.kind === 'ref' ? load.args.props : undefined;
    const unknown = load.args.kind === 'unknown';
    return {
      ordered: unknown || (props?.has('orderBy') ?? false),
      filtered: unknown || (props?.has('where') ?? false),
      limited: unknown || (props?.has('take') ?? false),
    };
  },

  model: (load, ctx) => prismaFacts(ctx)?.models.get(load.model),

  count(any: Load, ctx: RuleContext): Emit {
    const load = own(any);
    const args = countArgs(load, ctx);
    if (!args.ok) return args;
    return { ok: true, code: `${textOf(ctx.source, load.receiver)}.count(${args.code})`, why: COUNT_WHY };
  },

  first: (load, ctx) => prismaFindFirst(own(load), ctx),
  firstMatching: (load, ctx, tests) => prismaFindFirstWhere(own(load), ctx, tests),
  last: (load, ctx, tests) => prismaFindLast(own(load), ctx, tests),
  keysetBatches: (load, ctx, batchSize) => prismaKeysetBatches(own(load), ctx, batchSize),
  keyBounded: (load, ctx) => prismaKeyBounded(own(load), ctx),
  loadBound: (load, ctx) => prismaLoadBound(own(load), ctx),
  select: (load, ctx, fields, nested) => prismaSelect(own(load), ctx, fields, nested),
  aggregate: (load, ctx, op, field) => prismaAggregate(own(load), ctx, op, field),
  aggregates: (load, ctx, parts) => prismaAggregates(own(load), ctx, parts),
  exists: (load, ctx, opts) => prismaExists(own(load), ctx, opts),
  boundedCount: (load, ctx, bound) => prismaBoundedCount(own(load), ctx, bound),
  narrow: (load, ctx, tests) => prismaNarrow(own(load), ctx, tests),
  matchKeyedQuery: (path, ctx, clientNames) => prismaMatchKeyedQuery(prismaDialect, path, (p) => isPrismaClient(p, clientNames), readObject),
  mayMatchKeyedQuery: (call, ctx, clientNames) => prismaMayMatchKeyedQuery(call, (n) => mayBePrismaClient(n, clientNames)),
  rowKey: (load, ctx, field) => prismaRowKey(own(load), ctx, field),
  inQuery: (query, ctx, field) => prismaInQuery(query, ctx, field, readObject),
  queryKind: (path, ctx, clientNames) => prismaQueryKind(path, (p) => isPrismaClient(p, clientNames)),
};

/** The argument text for count(), or why there is none. */
function countArgs(load: PrismaLoad, ctx: RuleContext): Emit {
  const args = load.args;
  if (args.kind === 'none') return { ok: true, code: '' };
  if (args.kind === 'unknown') {
    return {
      ok: false,
      reason: `the findMany arguments are ${args.reason}, so pushdown cannot tell which of them count() accepts`,
      suggestion: `count by hand: \`await ${textOf(ctx.source, load.receiver)}.count({ where })\` with the same where, cursor, take and skip`,
    };
  }
  const unknown = [...args.props.keys()].filter((k) => !KNOWN_ARGS.has(k));
  if (unknown.length > 0) {
    return {
      ok: false,
      reason: `findMany has argument(s) pushdown does not know: ${unknown.join(', ')}`,
      suggestion: 'count by hand, keeping every argument that narrows the rows',
    };
  }
  if (args.props.has('distinct')) {
    return {
      ok: false,
      reason: "the query uses `distinct`, and Prisma's count() has no distinct (prisma#4228)",
      suggestion: `count distinct values in the database: \`(await ${textOf(ctx.source, load.receiver)}.groupBy({ by: [...], where })).length\` or a raw COUNT(DISTINCT ...)`,
    };
  }
  if (args.props.has('cursor')) {
    // Seen on SQLite: findMany takes a cursor with a non-unique orderBy, count() throws on it
    // ("cursor and orderBy combination that not stable").
    return {
      ok: false,
      reason: 'the query pages with a `cursor`, and count() rejects cursors that findMany accepts (it needs a unique, stable orderBy)',
      suggestion: 'count the page by hand, e.g. with `where` on the ordering key instead of a cursor',
    };
  }
  const keep = (name: string) => COUNT_KEEPS.has(name);
  if (args.kind === 'ref') {
    if ([...args.props.keys()].every(keep)) return { ok: true, code: textOf(ctx.source, args.node) };
    return {
      ok: false,
      reason: `the findMany arguments come from \`${textOf(ctx.source, args.node)}\`, which also carries ${[...args.props.keys()].filter((k) => !keep(k)).join(', ')}`,
      suggestion: `count with only the row-narrowing arguments: \`count({ where: ${textOf(ctx.source, args.node)}.where })\``,
    };
  }
  const text = objectTextKeeping(ctx.source, args.node, (p) => keep(propertyName(p) ?? ''));
  return { ok: true, code: text ?? '' };
}

function typeName(t: TSType | null | undefined): string | undefined {
  if (!t) return undefined;
  if (t.type === 'TSTypeReference') {
    const n = t.typeName;
    return n.type === 'Identifier' ? n.name : n.type === 'TSQualifiedName' ? `${qualified(n.left)}.${n.right.name}` : undefined;
  }
  return undefined;
}

function qualified(n: Node): string {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'TSQualifiedName') return `${qualified(n.left)}.${n.right.name}`;
  return '';
}

function annotationOf(node: Node): string | undefined | null {
  const ann = (node as { typeAnnotation?: Node | null }).typeAnnotation;
  if (!ann || ann.type !== 'TSTypeAnnotation') return null; // no annotation
  return typeName(ann.typeAnnotation) ?? '';
}

/** Could isPrismaClient accept this expression, whatever its bindings are? A name always could; `this.x` / `ctx.x` only with a client's name. */
function mayBePrismaClient(node: Node, clientNames: readonly string[]): boolean {
  const name = memberName(node);
  if (name !== undefined) {
    const obj = (node as MemberExpression).object;
    const conventional = clientNames.includes(name) || /prisma/i.test(name);
    return conventional && (obj.type === 'ThisExpression' || (obj.type === 'Identifier' && (obj.name === 'ctx' || obj.name === 'context')));
  }
  return node.type === 'Identifier';
}

/** Does this expression evaluate to a Prisma client (plain, extended, or a transaction's)? */
export function isPrismaClient(path: NodePath<Expression>, clientNames: readonly string[]): boolean {
  const node = path.node;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const name = node.property.name;
    const obj = node.object;
    const conventional = clientNames.includes(name) || /prisma/i.test(name);
    if (obj.type === 'ThisExpression') return conventional && !classMemberTypedOtherwise(path, name);
    if (obj.type === 'Identifier' && (obj.name === 'ctx' || obj.name === 'context')) return conventional;
    return false;
  }
  if (node.type !== 'Identifier') return false;
  const name = node.name;
  const conventional = clientNames.includes(name);
  const binding = path.scope.getBinding(name);
  if (!binding) return conventional;
  const id = binding.identifier;

  if (binding.kind === 'param') {
    if (isCallbackParamOf(binding.path, '$transaction')) return true;
    const ann = annotationOf(id);
    if (ann === null) return conventional;
    return PRISMA_TYPE.test(ann ?? '');
  }
  if (binding.kind === 'module') {
    const decl = binding.path.parentPath?.node;
    const from = decl && decl.type === 'ImportDeclaration' ? decl.source.value : '';
    if (OTHER_ORM.test(from)) return false;
    return conventional || /prisma/i.test(from);
  }
  const decl = binding.path.node;
  if (decl.type === 'VariableDeclarator') {
    const ann = annotationOf(decl.id);
    if (ann !== null && ann !== undefined) return PRISMA_TYPE.test(ann);
    const init = unwrapExpression(decl.init);
    if (!init) return conventional;
    if (init.type === 'NewExpression') return init.callee.type === 'Identifier' && /PrismaClient/.test(init.callee.name);
    if (init.type === 'CallExpression') {
      const callee = init.callee;
      // `base.$extends(...)` is an extended client; keep it as the receiver.
      if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === '$extends') return true;
      const calleeText = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
      if (OTHER_ORM.test(calleeText)) return false;
      return conventional;
    }
    if (init.type === 'Identifier' || init.type === 'MemberExpression') return conventional || /prisma/i.test(textOfSimple(init));
    return false; // a literal, a function, an array: not a client
  }
  return false;
}

function textOfSimple(n: Node): string {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression' && n.property.type === 'Identifier') return `${textOfSimple(n.object)}.${n.property.name}`;
  return '';
}

/** A class field or constructor parameter property named `name` whose declared type is not Prisma's. */
function classMemberTypedOtherwise(path: NodePath, name: string): boolean {
  const cls = path.findParent((p) => p.isClassBody());
  if (!cls || !cls.isClassBody()) return false;
  for (const member of cls.node.body) {
    if ((member.type === 'ClassProperty' || member.type === 'ClassAccessorProperty') && member.key.type === 'Identifier' && member.key.name === name) {
      const ann = annotationOf(member);
      if (ann !== null && ann !== undefined && !PRISMA_TYPE.test(ann)) return true;
      const value = member.value;
      if (value && value.type === 'CallExpression' && value.callee.type === 'Identifier' && OTHER_ORM.test(value.callee.name)) return true;
    }
    if (member.type === 'ClassMethod' && member.kind === 'constructor') {
      for (const param of member.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === name) {
          const ann = annotationOf(param.parameter);
          if (ann !== null && ann !== undefined && !PRISMA_TYPE.test(ann)) return true;
        }
      }
    }
  }
  return false;
}
