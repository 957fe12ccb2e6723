/**
 * What a MikroORM load is, and what the dialect reads off one.
 *
 * Loads: `em.find(E, where, options?)`, `em.findAll(E, options?)` (its where is
 * `options.where`), `repo.find(where, options?)`, `repo.findAll(options?)`.
 * The model is argument 0 of an EntityManager call (an entity class, or its
 * name as a string), or the entity of the repository.
 *
 * An EntityManager is:
 * - an expression typed (parameter, variable, class member) with a type
 *   imported from `@mikro-orm/*` whose name ends in EntityManager
 *   (`EntityManager`, `SqlEntityManager`);
 * - `<em>.fork(...)`, `RequestContext.getEntityManager()`, `<repo>.getEntityManager()`,
 *   a call given an EntityManager type argument (`getActiveManager<SqlEntityManager>(ctx)`),
 *   the parameter of `<em>.transactional(async (em) => ...)`;
 * - `<x>.em` (`orm.em`, `this.em`, `ctx.em`) in a file that imports from `@mikro-orm/*`,
 *   unless `this.em` is declared with another library's type;
 * - an untyped name among the client names (`em` by default), also as `this.<name>`,
 *   bound to nothing that says otherwise.
 * A repository is typed `EntityRepository<E>` (`SqlEntityRepository<E>`) from
 * `@mikro-orm/*`, a constructor parameter decorated `@InjectRepository(E)`,
 * `<em>.getRepository(E)` (or a name bound to it), or `this` inside a class
 * that extends `EntityRepository<E>`.
 * Anything typed or built by another library (TypeORM's EntityManager has the
 * same `find(E, ...)` shape) is not a load.
 */
import type { Binding, NodePath } from '@babel/traverse';
import type { CallExpression, Expression, File, MemberExpression, Node, ObjectExpression, ObjectProperty, TSType } from '@babel/types';
import { walkNodes } from '../../walk.js';
import { calledMethod, hasSpreadArgument, isThisMember, memberName } from '../core/shapes.js';
import type { RuleContext } from '../../rule.js';
import type { OrmFacts } from '../core/facts.js';
import { readObject } from '../core/options-arg.js';
import type { Load } from '../core/types.js';

export const MIKRO_ID = 'mikro-orm';

export type Options =
  | { kind: 'none' }
  /** An object literal: every key a plain name. */
  | { kind: 'object'; node: ObjectExpression; props: ReadonlyMap<string, ObjectProperty> }
  /** Anything pushdown cannot read: a variable, a spread, a computed key. */
  | { kind: 'unknown'; node: Node; reason: string };

export interface MikroLoad extends Load {
  /** The EntityManager or repository the call is made on: never changed by a rewrite. */
  receiver: Expression;
  on: 'em' | 'repo';
  method: 'find' | 'findAll';
  /** `em.*(E, ...)`: the entity argument, kept as written. */
  entity?: Expression;
  /** The where argument (for findAll, the value of `options.where`), when there is one. */
  where?: Expression;
  /** The options argument. For findAll, `where` is one of its props. */
  options: Options;
}

const LOAD_METHODS = ['find', 'findAll'] as const;
const MIKRO_MODULE = /^@mikro-orm\//;

export function mikroFacts(ctx: RuleContext): OrmFacts | undefined {
  return ctx.options.orm?.[MIKRO_ID]?.facts;
}

export function matchMikroLoad(path: NodePath<CallExpression>, clientNames: readonly string[]): Omit<MikroLoad, 'dialect'> | null {
  const callee = path.node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
  const method = callee.property.name;
  if (!LOAD_METHODS.includes(method as (typeof LOAD_METHODS)[number])) return null;
  const receiverPath = path.get('callee.object') as NodePath<Expression>;
  const receiver = callee.object as Expression;
  const args = path.node.arguments;
  if (args.some((a) => a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder')) return null;
  const exprs = args as Expression[];

  if (isEntityManager(receiverPath, clientNames)) {
    const entity = exprs[0];
    if (!entity || !(entity.type === 'Identifier' || entity.type === 'StringLiteral')) return null;
    const model = entity.type === 'Identifier' ? entity.name : entity.value;
    if (method === 'find') {
      if (exprs.length < 2 || exprs.length > 3) return null;
      return { call: path, model, receiver, on: 'em', method, entity, where: exprs[1], options: readOptions(exprs[2]) };
    }
    if (exprs.length > 2) return null;
    const options = readOptions(exprs[1]);
    return { call: path, model, receiver, on: 'em', method: 'findAll', entity, where: whereOption(options), options };
  }
  const model = repositoryModel(receiverPath, clientNames);
  if (model === undefined) return null;
  if (method === 'find') {
    if (exprs.length < 1 || exprs.length > 2) return null;
    return { call: path, model, receiver, on: 'repo', method, where: exprs[0], options: readOptions(exprs[1]) };
  }
  if (exprs.length > 1) return null;
  const options = readOptions(exprs[0]);
  return { call: path, model, receiver, on: 'repo', method: 'findAll', where: whereOption(options), options };
}

/**
 * matchMikroLoad's conditions that need no binding: the arguments of an
 * EntityManager call on a receiver that can be one by its shape, or of a
 * repository call on one that can be a repository; and a file that has what
 * every EntityManager or repository is recognised by at the end (an import from
 * `@mikro-orm/*`, an `@InjectRepository(...)`, or a client name).
 */
export function mayBeMikroLoad(call: CallExpression, ast: File, source: string, clientNames: readonly string[]): boolean {
  const method = calledMethod(call);
  if (method !== 'find' && method !== 'findAll') return false;
  if (hasSpreadArgument(call)) return false;
  const receiver = (call.callee as MemberExpression).object;
  const args = call.arguments;
  const n = args.length;
  const emCall = (args[0]?.type === 'Identifier' || args[0]?.type === 'StringLiteral') && (method === 'find' ? n >= 2 && n <= 3 : n <= 2);
  const repoCall = method === 'find' ? n >= 1 && n <= 2 : n <= 1;
  if (!(emCall && mayBeEntityManager(receiver)) && !(repoCall && mayBeRepository(receiver))) return false;
  return fileMayNameMikro(ast, source, clientNames);
}

/** Could emVerdict say 'mikro' for this expression, whatever its bindings are? */
function mayBeEntityManager(expr: Node): boolean {
  const node = unwrap(expr);
  if (!node) return false;
  if (node.type === 'CallExpression') return memberName(node.callee) !== undefined;
  return node.type === 'Identifier' || memberName(node) !== undefined;
}

/** Could repositoryModel name an entity for this expression, whatever its bindings are? */
function mayBeRepository(expr: Node): boolean {
  const node = unwrap(expr);
  if (!node) return false;
  if (node.type === 'CallExpression') return memberName(node.callee) === 'getRepository' && node.arguments.length === 1 && node.arguments[0].type === 'Identifier';
  return node.type === 'Identifier' || node.type === 'ThisExpression' || isThisMember(node);
}

const fileHintCache = new WeakMap<File, Map<string, boolean>>();

/**
 * Does the file hold one of the things every MikroORM receiver is recognised
 * by in the end: an import declaration from `@mikro-orm/*` (a type, a base
 * class, RequestContext, or what makes `.em` one), an `@InjectRepository(...)`
 * decorator, or an identifier spelled like a client name (`em`, `this.em`)?
 */
function fileMayNameMikro(ast: File, source: string, clientNames: readonly string[]): boolean {
  const key = clientNames.join(',');
  let byNames = fileHintCache.get(ast);
  const hit = byNames?.get(key);
  if (hit !== undefined) return hit;
  const names = new Set(['InjectRepository', ...clientNames]);
  let found: boolean;
  if (!source.includes('\\')) {
    // No escape anywhere: every name and string is spelled in the text as it is.
    const word = new RegExp(`(?<![\\w$])(?:${[...names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w$])`);
    found = source.includes('@mikro-orm/') || word.test(source);
  } else {
    found = false;
    walkNodes(ast.program, (node) => {
      if (found) return;
      if (node.type === 'ImportDeclaration') found = MIKRO_MODULE.test(node.source.value);
      else if (node.type === 'Identifier') found = names.has(node.name);
    });
  }
  if (!byNames) fileHintCache.set(ast, (byNames = new Map()));
  byNames.set(key, found);
  return found;
}

function whereOption(options: Options): Expression | undefined {
  return options.kind === 'object' ? (options.props.get('where')?.value as Expression | undefined) : undefined;
}

function readOptions(arg: Expression | undefined): Options {
  if (!arg) return { kind: 'none' };
  if (arg.type !== 'ObjectExpression') {
    return { kind: 'unknown', node: arg, reason: arg.type === 'Identifier' ? `held in \`${arg.name}\`` : 'not an object literal' };
  }
  return readObject(arg);
}

// ---------------------------------------------------------------------------
// Receivers

type Verdict = 'mikro' | 'other' | 'unknown';

function unwrap(node: Node | null | undefined): Node | null | undefined {
  let n = node;
  while (n && (n.type === 'AwaitExpression' || n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'ParenthesizedExpression')) {
    n = n.type === 'AwaitExpression' ? n.argument : n.expression;
  }
  return n;
}

function unwrapPath(path: NodePath): NodePath {
  let p = path;
  while (p.isAwaitExpression() || p.isTSAsExpression() || p.isTSNonNullExpression() || p.isTSSatisfiesExpression() || p.isParenthesizedExpression()) {
    p = (p.isAwaitExpression() ? p.get('argument') : p.get('expression')) as NodePath;
  }
  return p;
}

/** The module a name in this scope is imported from, or undefined when it is not imported. */
function importSource(path: NodePath, name: string): string | undefined {
  const binding = path.scope.getBinding(name);
  return binding ? importedFrom(binding) : undefined;
}

/** The module of an import binding (type-only imports included: babel gives them the kind 'unknown'). */
function importedFrom(binding: Binding): string | undefined {
  const decl = binding.path.parentPath?.node;
  return (binding.kind === 'module' || binding.kind === 'unknown') && decl && decl.type === 'ImportDeclaration' ? decl.source.value : undefined;
}

function fileImportsMikro(path: NodePath): boolean {
  const program = path.findParent((p) => p.isProgram());
  if (!program || !program.isProgram()) return false;
  return program.node.body.some((s) => s.type === 'ImportDeclaration' && MIKRO_MODULE.test(s.source.value));
}

/** What a type annotation says: a MikroORM EntityManager type, another library's type, or nothing known. */
function emTypeVerdict(path: NodePath, t: TSType | undefined): Verdict {
  if (!t) return 'unknown';
  if (t.type !== 'TSTypeReference') return 'other';
  const n = t.typeName;
  const name = n.type === 'Identifier' ? n.name : n.type === 'TSQualifiedName' ? n.right.name : '';
  const root = n.type === 'Identifier' ? n.name : n.type === 'TSQualifiedName' && n.left.type === 'Identifier' ? n.left.name : '';
  const from = importSource(path, root);
  if (from !== undefined) return MIKRO_MODULE.test(from) && /EntityManager$/.test(name) ? 'mikro' : 'other';
  return 'other';
}

/** `EntityRepository<E>` (or SqlEntityRepository<E>) imported from MikroORM: E. */
function repoTypeModel(path: NodePath, t: TSType | undefined): string | undefined | null {
  if (!t) return undefined;
  if (t.type !== 'TSTypeReference' || t.typeName.type !== 'Identifier') return null;
  const from = importSource(path, t.typeName.name);
  if (from === undefined || !MIKRO_MODULE.test(from) || !/EntityRepository$/.test(t.typeName.name)) return null;
  const arg = t.typeParameters?.params[0];
  return arg && arg.type === 'TSTypeReference' && arg.typeName.type === 'Identifier' ? arg.typeName.name : null;
}

function annotationOf(node: Node): TSType | undefined {
  const ann = (node as { typeAnnotation?: Node | null }).typeAnnotation;
  return ann && ann.type === 'TSTypeAnnotation' ? ann.typeAnnotation : undefined;
}

export function isEntityManager(path: NodePath<Expression>, clientNames: readonly string[], depth = 0): boolean {
  return emVerdict(path, clientNames, depth) === 'mikro';
}

function emVerdict(path0: NodePath, clientNames: readonly string[], depth: number): Verdict {
  if (depth > 6) return 'unknown';
  const path = unwrapPath(path0);
  const node = path.node;
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier') {
    const name = node.callee.property.name;
    const object = path.get('callee.object') as NodePath;
    // `this.getActiveManager<SqlEntityManager>(ctx)`: a call typed as returning an EntityManager.
    const typeArg = (node as { typeParameters?: { params?: TSType[] } | null }).typeParameters?.params?.[0];
    if (typeArg && emTypeVerdict(path, typeArg) === 'mikro') return 'mikro';
    if (name === 'fork') return emVerdict(object, clientNames, depth + 1) === 'mikro' ? 'mikro' : 'unknown';
    if (name === 'getEntityManager') {
      if (object.isIdentifier({ name: 'RequestContext' })) return MIKRO_MODULE.test(importSource(path, 'RequestContext') ?? '') ? 'mikro' : 'unknown';
      return repositoryModel(object, clientNames, depth + 1) !== undefined ? 'mikro' : 'unknown';
    }
    return 'unknown';
  }
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const name = node.property.name;
    if (node.object.type === 'ThisExpression') {
      const member = classMember(path, name);
      if (member.type) return emTypeVerdict(path, member.type);
      if (member.init) return emVerdict(member.init, clientNames, depth + 1);
      return clientNames.includes(name) || (name === 'em' && fileImportsMikro(path)) ? 'mikro' : 'unknown';
    }
    if (name === 'em' && fileImportsMikro(path)) return 'mikro';
    return clientNames.includes(name) && (node.object.type === 'Identifier' && (node.object.name === 'ctx' || node.object.name === 'context')) ? 'mikro' : 'unknown';
  }
  if (node.type !== 'Identifier') return 'unknown';
  const binding = path.scope.getBinding(node.name);
  const conventional = clientNames.includes(node.name) ? 'mikro' : 'unknown';
  if (!binding) return conventional;
  return bindingVerdict(binding, clientNames, depth, conventional);
}

function bindingVerdict(binding: Binding, clientNames: readonly string[], depth: number, conventional: Verdict): Verdict {
  const id = binding.identifier;
  if (binding.kind === 'param') {
    const typed = annotationOf(id);
    if (typed) return emTypeVerdict(binding.path, typed);
    if (isTransactionalParam(binding.path, clientNames, depth)) return 'mikro';
    return conventional;
  }
  const from = importedFrom(binding);
  if (from !== undefined) return MIKRO_MODULE.test(from) ? conventional : 'other';
  const decl = binding.path;
  if (decl.isVariableDeclarator()) {
    const typed = annotationOf(decl.node.id);
    if (typed) return emTypeVerdict(decl, typed);
    if (!decl.node.init) return conventional;
    if (!binding.constant) return 'unknown';
    const init = emVerdict(decl.get('init') as NodePath, clientNames, depth + 1);
    if (init !== 'unknown') return init;
    // A conventional name still counts when bound to another name or to a call
    // in a MikroORM file (`const em = getEm()`), never to a literal or a `new`.
    const kind = unwrap(decl.node.init)?.type;
    if (kind === 'Identifier' || kind === 'MemberExpression') return conventional;
    if (kind === 'CallExpression') return fileImportsMikro(decl) ? conventional : 'unknown';
    return 'other';
  }
  return 'unknown';
}

/** `<em>.transactional(async (em) => ...)`: the callback's parameter is an EntityManager. */
function isTransactionalParam(paramPath: NodePath, clientNames: readonly string[], depth: number): boolean {
  const fn = paramPath.parentPath;
  if (!fn || !(fn.isArrowFunctionExpression() || fn.isFunctionExpression()) || fn.node.params[0] !== paramPath.node) return false;
  const call = fn.parentPath;
  if (!call || !call.isCallExpression() || call.node.arguments[0] !== fn.node) return false;
  const callee = call.node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'transactional') return false;
  return emVerdict(call.get('callee.object') as NodePath, clientNames, depth + 1) === 'mikro';
}

interface ClassMember {
  /** The declared type of the field or constructor parameter property. */
  type?: TSType;
  /** Its initialiser (`em = orm.em.fork()`). */
  init?: NodePath;
  /** `@InjectRepository(E)` on the constructor parameter: E. */
  injected?: string;
}

/** What the enclosing class says about `this.<name>`. */
function classMember(path: NodePath, name: string): ClassMember {
  const body = path.findParent((p) => p.isClassBody());
  if (!body || !body.isClassBody()) return {};
  for (const [i, member] of body.node.body.entries()) {
    if ((member.type === 'ClassProperty' || member.type === 'ClassAccessorProperty') && member.key.type === 'Identifier' && member.key.name === name) {
      return { type: annotationOf(member), init: member.value ? (body.get(`body.${i}.value`) as NodePath) : undefined };
    }
    if (member.type === 'ClassMethod' && member.kind === 'constructor') {
      for (const param of member.params) {
        if (param.type !== 'TSParameterProperty' || param.parameter.type !== 'Identifier' || param.parameter.name !== name) continue;
        const injected = (param.decorators ?? []).map(injectedModel).find((m) => m !== undefined);
        return { type: annotationOf(param.parameter), injected };
      }
    }
  }
  return {};
}

/** `@InjectRepository(User)`: User. */
function injectedModel(d: { expression: Node }): string | undefined {
  const e = d.expression;
  if (e.type !== 'CallExpression' || e.callee.type !== 'Identifier' || e.callee.name !== 'InjectRepository') return undefined;
  const arg = e.arguments[0];
  return arg && arg.type === 'Identifier' ? arg.name : undefined;
}

/** The entity of a MikroORM repository expression, or undefined when it is not one. */
export function repositoryModel(path0: NodePath, clientNames: readonly string[], depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const path = unwrapPath(path0);
  const node = path.node;
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' && node.callee.property.name === 'getRepository') {
    const arg = node.arguments[0];
    if (!arg || arg.type !== 'Identifier' || node.arguments.length !== 1) return undefined;
    return emVerdict(path.get('callee.object') as NodePath, clientNames, depth + 1) === 'mikro' ? arg.name : undefined;
  }
  if (node.type === 'ThisExpression') return extendedRepositoryModel(path);
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.object.type === 'ThisExpression') {
    const member = classMember(path, node.property.name);
    if (member.injected) return member.injected;
    if (member.type) return repoTypeModel(path, member.type) ?? undefined;
    return member.init ? repositoryModel(member.init, clientNames, depth + 1) : undefined;
  }
  if (node.type !== 'Identifier') return undefined;
  const binding = path.scope.getBinding(node.name);
  if (!binding) return undefined;
  const typed = annotationOf(binding.identifier);
  if (typed) return repoTypeModel(binding.path, typed) ?? undefined;
  const decl = binding.path;
  if (binding.kind !== 'param' && binding.constant && decl.isVariableDeclarator() && decl.node.init) {
    return repositoryModel(decl.get('init') as NodePath, clientNames, depth + 1);
  }
  return undefined;
}

/** `this` in `class UserRepository extends EntityRepository<User>`: User. */
function extendedRepositoryModel(path: NodePath): string | undefined {
  const cls = path.findParent((p) => p.isClassDeclaration() || p.isClassExpression());
  if (!cls || !(cls.isClassDeclaration() || cls.isClassExpression())) return undefined;
  // `this` inside a nested function (not an arrow) is not the repository.
  const fn = path.getFunctionParent();
  if (fn && !fn.isArrowFunctionExpression() && !fn.isClassMethod()) return undefined;
  const sup = cls.node.superClass;
  if (!sup || sup.type !== 'Identifier' || !/EntityRepository$/.test(sup.name) || !MIKRO_MODULE.test(importSource(path, sup.name) ?? '')) return undefined;
  const arg = cls.node.superTypeParameters?.params[0];
  return arg && arg.type === 'TSTypeReference' && arg.typeName.type === 'Identifier' ? arg.typeName.name : undefined;
}
