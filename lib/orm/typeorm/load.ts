/**
 * What a TypeORM load looks like, and how its receiver is recognised.
 *
 * Loads (the awaited call):
 *   R.find(options?) / R.findBy(where)            R a repository of entity E
 *   M.find(E, options?) / M.findBy(E, where)      M an entity manager
 *   <query builder of E>.getMany()                the chain from createQueryBuilder
 * A repository of E is:
 *   X.getRepository(E) (also getTreeRepository, and 0.2's bare getRepository(E)),
 *   its `.extend({...})` (a custom repository), and `this` inside the methods
 *   passed to that extend, or inside `class X extends Repository<E>`;
 *   a name typed `Repository<E>` or bound to one of these; a constructor
 *   parameter or class property typed `Repository<E>` or decorated
 *   `@InjectRepository(E)` (NestJS), as `this.<name>`.
 * An entity manager is:
 *   `<anything>.manager` (dataSource.manager, queryRunner.manager), getManager(),
 *   the first parameter of a `.transaction(...)` callback, a name typed
 *   `EntityManager` or bound to one of these, `this.<name>` typed
 *   `EntityManager` or decorated `@InjectEntityManager()`, and the
 *   conventional names (`manager`, `entityManager`; --client-names).
 * A query builder is `R.createQueryBuilder(alias)` or
 * `X.createQueryBuilder(E, alias)` followed by builder calls, up to getMany().
 *
 * E must be a TypeORM entity class the facts know (`@Entity` from typeorm, in
 * this file or the project): that is what tells a TypeORM `find` from an
 * array's, Mongoose's or MikroORM's.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, MemberExpression, Node, TSType } from '@babel/types';
import { unwrapExpression } from '../core/bindings.js';
import { calledMethod, isThisMember, memberName } from '../core/shapes.js';
import type { RuleContext } from '../../rule.js';
import type { OrmFacts } from '../core/facts.js';
import type { Dialect, Load, PlainContext } from '../core/types.js';
import { readObject as readOptionsObject, readOptionsArg as readOptionsArgument, type OptionsArg } from '../core/options-arg.js';
import { readEntities, type TypeormModelFacts } from './entities.js';

export const TYPEORM_ID = 'typeorm';

export type LoadArgs =
  /** find's options as read (lib/orm/core/options-arg.ts); for findBy an object literal is the where itself. */
  | OptionsArg
  /** findBy's where when it is not a plain object literal (`findBy(where)`, an OR list). */
  | { kind: 'expr'; node: Expression };

export interface TypeormLoad extends Load {
  /** `find` / `findBy` on a repository or manager, or a query builder's `getMany`. */
  form: 'repository' | 'manager' | 'builder';
  method: 'find' | 'findBy' | 'getMany';
  /** What find/findBy is called on (a repository or a manager); the builder chain for getMany. Never changed. */
  receiver: Expression;
  /** Manager form: the entity argument, `E`. */
  entityArg?: Expression;
  /** The options (find) or the where (findBy). */
  args: LoadArgs;
  /** Builder form: the calls between createQueryBuilder and getMany, by name. */
  chain: readonly string[];
}

export const LOAD_CALL_NAMES = ['find', 'findBy', 'getMany'] as const;

/** The facts governing the file (the project's entities), plus the entities this file declares. */
export function typeormFacts(ctx: PlainContext): OrmFacts | undefined {
  const cached = factsCache.get(ctx.ast);
  if (cached !== undefined) return cached ?? undefined;
  const project = ctx.options.orm?.[TYPEORM_ID]?.facts;
  const own = readEntities(ctx.ast);
  let facts: OrmFacts | undefined = project;
  if (own.size > 0) facts = { source: project?.source ?? ctx.filePath, provider: project?.provider, models: new Map([...(project?.models ?? []), ...own]) };
  factsCache.set(ctx.ast, facts ?? null);
  return facts;
}
const factsCache = new WeakMap<object, OrmFacts | null>();

export function typeormModel(load: Load, ctx: RuleContext): TypeormModelFacts | undefined {
  return typeormFacts(ctx)?.models.get(load.model) as TypeormModelFacts | undefined;
}

export function matchTypeormLoad(dialect: Dialect, path: NodePath<CallExpression>, ctx: RuleContext, clientNames: readonly string[]): TypeormLoad | null {
  const callee = path.node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  const facts = typeormFacts(ctx);
  if (!facts || facts.models.size === 0) return null;
  const calleePath = path.get('callee') as NodePath;
  const objectPath = calleePath.get('object') as NodePath<Expression>;
  const isEntity = (n: Node | undefined): n is Expression & { name: string } => n?.type === 'Identifier' && facts.models.has(n.name);

  if (method === 'getMany') {
    if (path.node.arguments.length > 0) return null;
    const qb = builderOf(objectPath, ctx, isEntity);
    if (!qb) return null;
    return { dialect, call: path, model: qb.entity, form: 'builder', method, receiver: callee.object as Expression, args: { kind: 'none' }, chain: qb.chain };
  }
  if (method !== 'find' && method !== 'findBy') return null;
  const args = path.node.arguments;
  const first = args[0];
  if (isEntity(first) && args.length <= 2 && isManager(objectPath, clientNames)) {
    return { dialect, call: path, model: first.name, form: 'manager', method, receiver: callee.object as Expression, entityArg: first, args: readArgs(path, 1, method), chain: [] };
  }
  if (args.length > 1) return null;
  const entity = repositoryEntity(objectPath, isEntity);
  if (!entity) return null;
  return { dialect, call: path, model: entity, form: 'repository', method, receiver: callee.object as Expression, args: readArgs(path, 0, method), chain: [] };
}

/**
 * matchTypeormLoad's conditions that need no binding: entities known, and a
 * receiver (and arguments) that can be a repository's, a manager's or a query
 * builder's by their shape. `arr.find(x => ...)` passes only when the file or
 * project has entities: a name can be bound to a repository.
 */
export function mayBeTypeormLoad(call: CallExpression, ctx: PlainContext): boolean {
  const method = calledMethod(call);
  if (method !== 'getMany' && method !== 'find' && method !== 'findBy') return false;
  const facts = typeormFacts(ctx);
  if (!facts || facts.models.size === 0) return false;
  const isEntity = (n: Node | undefined): boolean => n?.type === 'Identifier' && facts.models.has(n.name);
  const receiver = (call.callee as MemberExpression).object;
  const args = call.arguments;
  if (method === 'getMany') return args.length === 0 && mayBeBuilder(receiver, isEntity);
  if (isEntity(args[0]) && args.length <= 2 && mayBeManager(receiver)) return true;
  return args.length <= 1 && mayBeRepository(receiver, isEntity);
}

/** Could repositoryEntity name an entity for this expression, whatever its bindings are? */
function mayBeRepository(expr: Node, isEntity: (n: Node | undefined) => boolean): boolean {
  const node = unwrapExpression(expr as Expression);
  if (!node) return false;
  if (node.type === 'CallExpression') {
    const c = node.callee;
    const name = c.type === 'Identifier' ? c.name : (memberName(c) ?? '');
    if (name === 'getRepository' || name === 'getTreeRepository') return node.arguments.length === 1 && isEntity(node.arguments[0]);
    return name === 'extend' && c.type === 'MemberExpression' && mayBeRepository(c.object, isEntity);
  }
  return node.type === 'ThisExpression' || node.type === 'Identifier' || isThisMember(node);
}

/** Could isManager accept this expression, whatever its bindings are? */
function mayBeManager(expr: Node): boolean {
  const node = unwrapExpression(expr as Expression);
  if (!node) return false;
  const name = memberName(node);
  if (name !== undefined) return name === 'manager' || isThisMember(node);
  if (node.type === 'CallExpression') return node.callee.type === 'Identifier' && node.callee.name === 'getManager';
  return node.type === 'Identifier';
}

/** Could builderOf read this expression as a query builder chain, whatever its bindings are? */
function mayBeBuilder(expr: Node, isEntity: (n: Node | undefined) => boolean): boolean {
  let n: Node = expr;
  for (let i = 0; i < 60; i++) {
    if (n.type !== 'CallExpression') return false;
    const name = calledMethod(n);
    if (name === undefined) return false;
    if (name === 'createQueryBuilder') {
      const a0 = n.arguments[0];
      if (isEntity(a0) && n.arguments.length === 2) return true;
      return n.arguments.length <= 1 && (a0 === undefined || a0.type === 'StringLiteral') && mayBeRepository((n.callee as MemberExpression).object, isEntity);
    }
    if (!BUILDER_CALLS.has(name)) return false;
    n = (n.callee as MemberExpression).object;
  }
  return false;
}

function unwrap(node: Expression | null | undefined): Expression | null | undefined {
  let n = node;
  while (n && (n.type === 'AwaitExpression' || n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'ParenthesizedExpression')) {
    n = n.type === 'AwaitExpression' ? n.argument : n.expression;
  }
  return n;
}

/** `Repository<E>` (or TreeRepository<E>) -> E. */
function repositoryTypeArg(t: TSType | null | undefined): string | undefined {
  if (!t || t.type !== 'TSTypeReference') return undefined;
  const name = t.typeName.type === 'Identifier' ? t.typeName.name : t.typeName.type === 'TSQualifiedName' ? t.typeName.right.name : '';
  if (name !== 'Repository' && name !== 'TreeRepository') return undefined;
  const arg = t.typeParameters?.params[0];
  return arg?.type === 'TSTypeReference' && arg.typeName.type === 'Identifier' ? arg.typeName.name : undefined;
}

function annotation(node: Node | null | undefined): TSType | undefined {
  const ann = (node as { typeAnnotation?: Node | null } | null | undefined)?.typeAnnotation;
  return ann && ann.type === 'TSTypeAnnotation' ? ann.typeAnnotation : undefined;
}

function typeNamed(t: TSType | undefined, name: string): boolean {
  return t?.type === 'TSTypeReference' && ((t.typeName.type === 'Identifier' && t.typeName.name === name) || (t.typeName.type === 'TSQualifiedName' && t.typeName.right.name === name));
}

/**
 * A type that says the value is some other ORM's repository (MikroORM's
 * `EntityRepository<E>`, also injected with `@InjectRepository(E)`) or a
 * TypeORM repository with other semantics (`MongoRepository`: a Mongo find).
 * A custom class (`UserRepository extends Repository<User>`) is not one.
 */
function typedOtherwise(t: TSType | undefined): boolean {
  if (!t) return false;
  if (t.type !== 'TSTypeReference') return true;
  const name = t.typeName.type === 'Identifier' ? t.typeName.name : t.typeName.type === 'TSQualifiedName' ? t.typeName.right.name : '';
  return /^(EntityRepository|SqlEntityRepository|MongoRepository|Model|ModelStatic|ModelCtor)$/.test(name);
}

/** `@InjectRepository(E)` among decorators -> E. */
function injectedEntity(decorators: readonly Node[] | null | undefined): string | undefined {
  for (const d of decorators ?? []) {
    if (d.type !== 'Decorator' || d.expression.type !== 'CallExpression') continue;
    const c = d.expression.callee;
    const arg = d.expression.arguments[0];
    if (c.type === 'Identifier' && c.name === 'InjectRepository' && arg?.type === 'Identifier') return arg.name;
  }
  return undefined;
}

function hasDecorator(decorators: readonly Node[] | null | undefined, name: string): boolean {
  return (decorators ?? []).some((d) => d.type === 'Decorator' && d.expression.type === 'CallExpression' && d.expression.callee.type === 'Identifier' && d.expression.callee.name === name);
}

/** The entity a repository expression is for, or undefined when it is not (known to be) a repository. */
export function repositoryEntity(path: NodePath<Expression>, isEntity: (n: Node | undefined) => boolean, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const node = unwrap(path.node);
  if (!node) return undefined;
  if (node.type === 'CallExpression') {
    const c = node.callee;
    const name = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' ? c.property.name : '';
    if ((name === 'getRepository' || name === 'getTreeRepository') && node.arguments.length === 1 && isEntity(node.arguments[0])) return (node.arguments[0] as { name: string }).name;
    if (name === 'extend' && c.type === 'MemberExpression') return repositoryEntity(subPath(path, node, 'callee.object'), isEntity, depth + 1);
    return undefined;
  }
  if (node.type === 'ThisExpression') return thisRepository(path, isEntity, depth);
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier') {
    const member = classMember(path, node.property.name);
    if (!member) return undefined;
    const entity = typedOtherwise(annotation(member.typed)) ? undefined : (repositoryTypeArg(annotation(member.typed)) ?? injectedEntity(member.decorators));
    if (entity && isEntity({ type: 'Identifier', name: entity } as Node)) return entity;
    if (member.value) return repositoryEntity(member.value, isEntity, depth + 1);
    return undefined;
  }
  if (node.type === 'Identifier') {
    const binding = path.scope.getBinding(node.name);
    if (!binding) return undefined;
    const bp = binding.path;
    if (binding.kind === 'param') {
      const owner = bp.parentPath?.isTSParameterProperty() ? bp.parentPath : bp;
      const ann = annotation(bp.node);
      const entity = typedOtherwise(ann) ? undefined : (repositoryTypeArg(ann) ?? injectedEntity((owner.node as { decorators?: Node[] }).decorators));
      return entity && isEntity({ type: 'Identifier', name: entity } as Node) ? entity : undefined;
    }
    if (bp.isVariableDeclarator()) {
      const typed = repositoryTypeArg(annotation(bp.node.id));
      if (typed) return isEntity({ type: 'Identifier', name: typed } as Node) ? typed : undefined;
      if (!binding.constant || !bp.node.init) return undefined;
      return repositoryEntity(bp.get('init') as NodePath<Expression>, isEntity, depth + 1);
    }
  }
  return undefined;
}

function subPath(path: NodePath<Expression>, node: Expression, key: string): NodePath<Expression> {
  // `path` may wrap `node` in await/as/parens: find the unwrapped node's path first.
  let p: NodePath = path;
  while (p.node !== node) {
    const inner = p.get(p.isAwaitExpression() ? 'argument' : 'expression') as NodePath;
    if (Array.isArray(inner) || !inner.node) break;
    p = inner;
  }
  return p.get(key) as NodePath<Expression>;
}

/** `this` in a method passed to `repo.extend({...})`, or in `class X extends Repository<E>`. */
function thisRepository(path: NodePath, isEntity: (n: Node | undefined) => boolean, depth: number): string | undefined {
  const fn = path.getFunctionParent();
  if (!fn || fn.isArrowFunctionExpression()) return fn ? thisRepository(fn, isEntity, depth) : undefined;
  if (fn.isObjectMethod() || (fn.isFunctionExpression() && fn.parentPath.isObjectProperty())) {
    const obj = fn.isObjectMethod() ? fn.parentPath : fn.parentPath.parentPath;
    const call = obj?.parentPath;
    if (obj?.isObjectExpression() && call?.isCallExpression() && call.node.arguments[0] === obj.node) {
      const c = call.node.callee;
      if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier' && c.property.name === 'extend') {
        return repositoryEntity(call.get('callee.object') as NodePath<Expression>, isEntity, depth + 1);
      }
    }
    return undefined;
  }
  if (fn.isClassMethod()) {
    const cls = fn.parentPath.parentPath;
    if (cls?.isClass()) {
      const sup = cls.node.superClass;
      const params = (cls.node as { superTypeParameters?: { params: TSType[] } | null }).superTypeParameters?.params;
      if (sup?.type === 'Identifier' && (sup.name === 'Repository' || sup.name === 'TreeRepository')) {
        const arg = params?.[0];
        const name = arg?.type === 'TSTypeReference' && arg.typeName.type === 'Identifier' ? arg.typeName.name : undefined;
        if (name && isEntity({ type: 'Identifier', name } as Node)) return name;
      }
    }
  }
  return undefined;
}

interface Member {
  decorators?: readonly Node[] | null;
  /** The node whose annotation types it. */
  typed: Node;
  value?: NodePath<Expression>;
}

/** The class property or constructor parameter property `name` of the class around `path`. */
function classMember(path: NodePath, name: string): Member | undefined {
  const cls = path.findParent((p) => p.isClassBody());
  if (!cls || !cls.isClassBody()) return undefined;
  const body = cls.get('body');
  for (const m of body) {
    const n = m.node;
    if ((n.type === 'ClassProperty' || n.type === 'ClassAccessorProperty') && n.key.type === 'Identifier' && n.key.name === name) {
      return { decorators: n.decorators, typed: n, value: n.value ? (m.get('value') as NodePath<Expression>) : undefined };
    }
    if (n.type === 'ClassMethod' && n.kind === 'constructor') {
      for (const param of n.params) {
        if (param.type === 'TSParameterProperty' && param.parameter.type === 'Identifier' && param.parameter.name === name) {
          return { decorators: param.decorators, typed: param.parameter };
        }
      }
    }
  }
  return undefined;
}

/** Does this expression evaluate to a TypeORM EntityManager? */
export function isManager(path: NodePath<Expression>, clientNames: readonly string[], depth = 0): boolean {
  if (depth > 6) return false;
  const node = unwrap(path.node);
  if (!node) return false;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    if (node.property.name === 'manager') return true;
    if (node.object.type === 'ThisExpression') {
      const member = classMember(path, node.property.name);
      if (!member) return false;
      if (typeNamed(annotation(member.typed), 'EntityManager') || hasDecorator(member.decorators, 'InjectEntityManager')) return true;
      if (annotation(member.typed)) return false;
      return member.value ? isManager(member.value, clientNames, depth + 1) : false;
    }
    return false;
  }
  if (node.type === 'CallExpression') {
    const c = node.callee;
    return c.type === 'Identifier' && c.name === 'getManager';
  }
  if (node.type !== 'Identifier') return false;
  const conventional = clientNames.includes(node.name);
  const binding = path.scope.getBinding(node.name);
  if (!binding) return conventional;
  const bp = binding.path;
  if (binding.kind === 'param') {
    if (isTransactionCallbackParam(bp)) return true;
    const ann = annotation(bp.node);
    if (ann) return typeNamed(ann, 'EntityManager');
    const owner = bp.parentPath?.isTSParameterProperty() ? bp.parentPath : undefined;
    if (owner && hasDecorator((owner.node as { decorators?: Node[] }).decorators, 'InjectEntityManager')) return true;
    return conventional;
  }
  if (bp.isVariableDeclarator()) {
    const ann = annotation(bp.node.id);
    if (ann) return typeNamed(ann, 'EntityManager');
    if (!binding.constant || !bp.node.init) return false;
    return isManager(bp.get('init') as NodePath<Expression>, clientNames, depth + 1);
  }
  return false;
}

/** `x.transaction(async (em) => ...)` or `x.transaction('SERIALIZABLE', async (em) => ...)`: em is a manager. */
function isTransactionCallbackParam(paramPath: NodePath): boolean {
  const fn = paramPath.parentPath;
  if (!fn || !(fn.isArrowFunctionExpression() || fn.isFunctionExpression()) || fn.node.params[0] !== paramPath.node) return false;
  const call = fn.parentPath;
  if (!call?.isCallExpression()) return false;
  const args = call.node.arguments;
  if (args[args.length - 1] !== fn.node) return false;
  const callee = call.node.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'transaction';
}

/** Calls a query builder chain may hold, for the rewrites that keep the chain. */
const BUILDER_CALLS = new Set([
  'select', 'addSelect', 'where', 'andWhere', 'orWhere', 'whereInIds', 'andWhereInIds', 'orWhereInIds', 'whereExists', 'andWhereExists', 'orWhereExists',
  'leftJoin', 'leftJoinAndSelect', 'innerJoin', 'innerJoinAndSelect', 'leftJoinAndMapOne', 'leftJoinAndMapMany', 'innerJoinAndMapOne', 'innerJoinAndMapMany',
  'orderBy', 'addOrderBy', 'setParameter', 'setParameters', 'withDeleted', 'cache', 'comment', 'loadRelationCountAndMap', 'loadAllRelationIds', 'loadRelationIdAndMap',
  'take', 'skip', 'limit', 'offset', 'groupBy', 'addGroupBy', 'having', 'andHaving', 'orHaving', 'distinct', 'distinctOn', 'setLock', 'useTransaction', 'setFindOptions',
]);

/** `R.createQueryBuilder(alias)` / `X.createQueryBuilder(E, alias)` then builder calls: the entity and the calls. */
function builderOf(path: NodePath<Expression>, ctx: RuleContext, isEntity: (n: Node | undefined) => boolean): { entity: string; chain: string[] } | undefined {
  const chain: string[] = [];
  let p: NodePath<Expression> = path;
  for (let i = 0; i < 60; i++) {
    const n = p.node;
    if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.computed || n.callee.property.type !== 'Identifier') return undefined;
    const name = n.callee.property.name;
    if (name === 'createQueryBuilder') {
      const a0 = n.arguments[0];
      if (isEntity(a0) && n.arguments.length === 2) return { entity: (a0 as { name: string }).name, chain: chain.reverse() };
      if (n.arguments.length <= 1 && (a0 === undefined || a0.type === 'StringLiteral')) {
        const entity = repositoryEntity(p.get('callee.object') as NodePath<Expression>, isEntity);
        return entity ? { entity, chain: chain.reverse() } : undefined;
      }
      return undefined;
    }
    if (!BUILDER_CALLS.has(name)) return undefined;
    chain.push(name);
    p = p.get('callee.object') as NodePath<Expression>;
  }
  return undefined;
}

/** find's options, or findBy's where (kept as an expression when it is not a plain object literal). */
function readArgs(path: NodePath<CallExpression>, index: number, method: string): LoadArgs {
  const arg = path.node.arguments[index];
  if (method !== 'findBy' || !arg || arg.type === 'SpreadElement' || arg.type === 'ArgumentPlaceholder') return readOptionsArgument(path, index);
  if (arg.type === 'ObjectExpression') {
    const read = readOptionsObject(arg);
    if (read.kind === 'object') return read;
  }
  return { kind: 'expr', node: arg as Expression };
}
