/**
 * Where a loaded result goes. A rule asks: is every use of these rows a
 * `.length`, a `[0]`, a loop, a `.map(field)`...? Anything else (returned,
 * passed on, stored, spread, reassigned) is an escape, and rules leave it alone.
 */
import type { Binding, NodePath } from '@babel/traverse';
import type { ArrayPattern, AwaitExpression, CallExpression, Expression, ForOfStatement, Function as BabelFunction, Identifier, MemberExpression, Node, OptionalMemberExpression, Program, TSTypeQuery, VariableDeclarator } from '@babel/types';
import type { Load } from '../orm/core/types.js';
import { findNodes } from '../walk.js';
import { defineScan, scannedBefore } from './plain-scan.js';

export type Use =
  /** `rows.length` (read only) */
  | { kind: 'length'; path: NodePath<MemberExpression | OptionalMemberExpression> }
  /** `rows[0]`, `rows.at(0)`: path is the member or the call */
  | { kind: 'index'; index: number; path: NodePath<Expression> }
  /** `rows.map(...)`, `rows.some(...)`, ...: path is the call */
  | { kind: 'method'; name: string; path: NodePath<CallExpression> }
  /** `for (const r of rows)` */
  | { kind: 'iterate'; path: NodePath<ForOfStatement> }
  /** anything else: the rows escape */
  | { kind: 'escape'; path: NodePath; reason: string };

export type BindingSite =
  /** `const rows = await load(a)` */
  | { kind: 'declarator'; declarator: NodePath<VariableDeclarator>; id: NodePath<Identifier> }
  /** `load(a).then((rows) => ...)` */
  | { kind: 'then-param'; thenCall: NodePath<CallExpression>; callback: NodePath<BabelFunction>; id: NodePath<Identifier> }
  /** `const [a, b] = await Promise.all([load(..), load2(..)])`: element `index` */
  | { kind: 'promise-all'; declarator: NodePath<VariableDeclarator>; index: number; id: NodePath<Identifier> };

export type LoadResult =
  /** `(await load(a)).length`: the awaited rows have exactly one use. */
  | { shape: 'direct'; awaited: NodePath<AwaitExpression>; use: Use }
  /** The rows are held by a binding; `uses` are all its references. */
  | { shape: 'binding'; site: BindingSite; name: string; binding: Binding; uses: Use[] }
  /** `const [first, ...] = await load(a)` */
  | { shape: 'destructured'; declarator: NodePath<VariableDeclarator>; pattern: NodePath<ArrayPattern> }
  /** The rows go somewhere pushdown does not follow. */
  | { shape: 'escape'; reason: string };

const TRANSPARENT = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

/** The outermost type-only wrapper around an expression: `(rows as User[])!`. */
export function skipTransparent(path: NodePath): NodePath {
  let p = path;
  while (p.parentPath && TRANSPARENT.has(p.parentPath.node.type) && (p.parentPath.node as { expression?: Node }).expression === p.node) p = p.parentPath;
  return p;
}

function isReadOnly(member: NodePath): boolean {
  const parent = member.parentPath;
  if (!parent) return true;
  const n = parent.node;
  if ((n.type === 'AssignmentExpression' || n.type === 'AssignmentPattern') && n.left === member.node) return false;
  if (n.type === 'UpdateExpression') return false;
  if (n.type === 'UnaryExpression' && n.operator === 'delete') return false;
  if (n.type === 'ForOfStatement' || n.type === 'ForInStatement') return n.left !== member.node;
  if (n.type === 'ArrayPattern' || n.type === 'ObjectProperty' && parent.parentPath?.isObjectPattern()) return false;
  return true;
}

/** How one expression that evaluates to the rows array is used. */
export function classifyValueUse(valuePath: NodePath): Use {
  const top = skipTransparent(valuePath);
  const parent = top.parentPath;
  if (!parent) return { kind: 'escape', path: top, reason: 'used at the top level' };
  const pn = parent.node;
  if ((pn.type === 'MemberExpression' || pn.type === 'OptionalMemberExpression') && pn.object === top.node) {
    const member = parent as NodePath<MemberExpression | OptionalMemberExpression>;
    const prop = pn.property;
    const name = !pn.computed && prop.type === 'Identifier' ? prop.name : pn.computed && prop.type === 'StringLiteral' ? prop.value : undefined;
    if (!isReadOnly(member)) return { kind: 'escape', path: member, reason: 'written to' };
    if (name === 'length') return { kind: 'length', path: member };
    if (pn.computed && prop.type === 'NumericLiteral') return { kind: 'index', index: prop.value, path: member as NodePath<Expression> };
    const call = member.parentPath;
    if (name !== undefined && call && (call.isCallExpression() || call.isOptionalCallExpression()) && call.node.callee === pn) {
      const args = call.node.arguments;
      if (name === 'at' && args.length === 1 && args[0].type === 'NumericLiteral') return { kind: 'index', index: args[0].value, path: call as NodePath<Expression> };
      return { kind: 'method', name, path: call as NodePath<CallExpression> };
    }
    return { kind: 'escape', path: member, reason: name ? `its \`${name}\` is read` : 'indexed by a computed key' };
  }
  if (pn.type === 'ForOfStatement' && pn.right === top.node) return { kind: 'iterate', path: parent as NodePath<ForOfStatement> };
  return { kind: 'escape', path: top, reason: escapeReason(parent, top) };
}

function escapeReason(parent: NodePath, child: NodePath): string {
  const n = parent.node;
  switch (n.type) {
    case 'ReturnStatement':
    case 'ArrowFunctionExpression':
      return 'returned';
    case 'CallExpression':
    case 'NewExpression':
    case 'OptionalCallExpression':
      return n.callee === child.node ? 'called' : 'passed to a function';
    case 'SpreadElement':
      return 'spread';
    case 'AssignmentExpression':
      return 'assigned elsewhere';
    case 'VariableDeclarator':
      return 'copied to another variable';
    case 'ObjectProperty':
    case 'ArrayExpression':
      return 'stored in an object or array';
    default:
      return `used in a ${n.type}`;
  }
}

const resultCache = new WeakMap<Node, LoadResult>();

/** Where do the rows of this load go? Every rule asks, so the answer is kept per call node (one AST). */
export function classifyResultUse(load: Load): LoadResult {
  const node = load.call.node;
  let hit = resultCache.get(node);
  if (!hit) {
    hit = classifyUncached(load);
    resultCache.set(node, hit);
  }
  return hit;
}

function classifyUncached(load: Load): LoadResult {
  const call = load.call;
  const parent = skipTransparent(call).parentPath;
  if (!parent) return { shape: 'escape', reason: 'not awaited' };

  // load(a).then((rows) => ...)
  if (parent.isMemberExpression() && parent.node.object === skipTransparent(call).node && !parent.node.computed && parent.node.property.type === 'Identifier' && parent.node.property.name === 'then') {
    const thenCall = parent.parentPath;
    if (!thenCall?.isCallExpression() || thenCall.node.callee !== parent.node || thenCall.node.arguments.length !== 1) return { shape: 'escape', reason: '`.then` with a rejection handler or no callback' };
    const cb = thenCall.get('arguments.0') as NodePath;
    if (!(cb.isArrowFunctionExpression() || cb.isFunctionExpression()) || cb.node.params.length !== 1 || cb.node.params[0].type !== 'Identifier') {
      return { shape: 'escape', reason: '`.then` callback is not a function of one named parameter' };
    }
    const id = cb.get('params.0') as NodePath<Identifier>;
    const binding = cb.scope.getBinding(id.node.name);
    if (!binding || binding.identifier !== id.node) return { shape: 'escape', reason: 'callback parameter not bound' };
    return bindingResult({ kind: 'then-param', thenCall, callback: cb as NodePath<BabelFunction>, id }, binding);
  }

  // Promise.all([..., load(a), ...])
  if (parent.isArrayExpression()) return promiseAllElement(call, parent);

  if (!parent.isAwaitExpression()) return { shape: 'escape', reason: 'not awaited where it is called' };
  const awaited = parent;
  const holder = skipTransparent(awaited);
  const hp = holder.parentPath;
  if (hp?.isVariableDeclarator() && hp.node.init === awaited.node) {
    const id = hp.get('id');
    if (id.isIdentifier()) {
      const binding = hp.scope.getBinding(id.node.name);
      if (!binding || binding.identifier !== id.node) return { shape: 'escape', reason: 'binding not found' };
      return bindingResult({ kind: 'declarator', declarator: hp, id }, binding);
    }
    if (id.isArrayPattern()) return { shape: 'destructured', declarator: hp, pattern: id };
    return { shape: 'escape', reason: 'destructured as an object' };
  }
  return { shape: 'direct', awaited, use: classifyValueUse(awaited) };
}

function promiseAllElement(call: NodePath<CallExpression>, array: NodePath): LoadResult {
  const elements = (array.node as { elements: (Node | null)[] }).elements;
  const index = elements.indexOf(skipTransparent(call).node);
  if (elements.slice(0, index + 1).some((e) => !e || e.type === 'SpreadElement')) return { shape: 'escape', reason: 'in an array with holes or spreads' };
  const all = array.parentPath;
  if (!all?.isCallExpression() || all.node.arguments.length !== 1 || all.node.arguments[0] !== array.node) return { shape: 'escape', reason: 'stored in an array' };
  const callee = all.node.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Promise' || callee.property.type !== 'Identifier' || callee.property.name !== 'all') {
    return { shape: 'escape', reason: 'stored in an array' };
  }
  const awaited = all.parentPath;
  if (!awaited?.isAwaitExpression()) return { shape: 'escape', reason: '`Promise.all` not awaited' };
  const decl = awaited.parentPath;
  if (!decl?.isVariableDeclarator() || decl.node.init !== awaited.node) return { shape: 'escape', reason: '`Promise.all` result not destructured' };
  const pattern = decl.get('id');
  if (!pattern.isArrayPattern()) return { shape: 'escape', reason: '`Promise.all` result not destructured' };
  const pelems = pattern.node.elements;
  if (pelems.slice(0, index + 1).some((e) => e?.type === 'RestElement')) return { shape: 'escape', reason: 'taken by a rest element' };
  const el = pelems[index];
  if (!el) return { shape: 'escape', reason: 'result not used' };
  if (el.type !== 'Identifier') return { shape: 'escape', reason: 'destructured further' };
  const id = pattern.get(`elements.${index}`) as NodePath<Identifier>;
  const binding = decl.scope.getBinding(el.name);
  if (!binding || binding.identifier !== el) return { shape: 'escape', reason: 'binding not found' };
  return bindingResult({ kind: 'promise-all', declarator: decl, index, id }, binding);
}

function bindingResult(site: BindingSite, binding: Binding): LoadResult {
  const name = site.id.node.name;
  if (!binding.constant) return { shape: 'escape', reason: `\`${name}\` is reassigned` };
  if (site.kind !== 'then-param') {
    const declaration = site.declarator.parentPath;
    if (declaration?.parentPath?.isExportNamedDeclaration()) return { shape: 'escape', reason: `\`${name}\` is exported` };
    if (declaration?.isVariableDeclaration() && declaration.node.declare) return { shape: 'escape', reason: 'ambient declaration' };
  }
  if (typeQueried(binding, name)) return { shape: 'escape', reason: `\`typeof ${name}\` is used in a type` };
  const uses = binding.referencePaths.map((ref) => classifyValueUse(ref));
  return { shape: 'binding', site, name, binding, uses };
}

/** `typeof rows` in a type position: a rewrite would change that type. */
export function typeQueried(binding: Binding, name: string): boolean {
  if (!typeQueryNames(binding.scope.getProgramParent().path).has(name)) return false;
  let found = false;
  binding.scope.path.traverse({
    TSTypeQuery(p) {
      const e = p.node.exprName;
      if (e.type === 'Identifier' && e.name === name && p.scope.getBinding(name) === binding) found = true;
    },
  });
  return found;
}

const typeQueryCache = new WeakMap<Node, Set<string>>();

const isNamedTypeQuery = (n: Node): boolean => n.type === 'TSTypeQuery' && n.exprName.type === 'Identifier';
/** `typeof name` in a type, found on the plain AST (with the other plain scans of the tree). */
const TYPE_QUERIES = defineScan(() => isNamedTypeQuery);

/** Every name used as `typeof name` in a type, per program: most files have none, so most bindings need no search. */
function typeQueryNames(program: NodePath): Set<string> {
  let names = typeQueryCache.get(program.node);
  if (!names) {
    // The nodes a traversal would visit, read as plain objects: a @babel/traverse pass over the whole file
    // costs several times more. The loads of this tree were found first, so the scan is usually done.
    const found = scannedBefore(program.node as Program, TYPE_QUERIES) ?? findNodes(program.node, isNamedTypeQuery);
    names = new Set(found.map(({ node }) => ((node as TSTypeQuery).exprName as Identifier).name));
    typeQueryCache.set(program.node, names);
  }
  return names;
}

/** Is this path inside a function that is async (or at a module's top level, where await is allowed)? */
export function inAsyncContext(path: NodePath): boolean {
  const fn = path.getFunctionParent();
  if (!fn) return true;
  return fn.node.async === true;
}
