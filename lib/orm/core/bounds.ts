/**
 * Reading a load's where for what bounds its rows, shared by the dialects'
 * `loadBound`: a field pinned to a list computed at run time (the keys of rows
 * in hand), or a range from a cursor the enclosing loop moves on (a keyset
 * page). Operator wheres (`{ [Op.in]: ids }`, `{ $in: ids }`) are read here;
 * each dialect says how its operators are spelled.
 */
import type { NodePath } from '@babel/traverse';
import type { Node, ObjectExpression, ObjectProperty } from '@babel/types';
import { propertyName } from '../../text.js';

export function isNullish(n: Node): boolean {
  return n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined');
}

export function rootName(n: Node): string | undefined {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') return rootName(n.expression);
  if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') return rootName(n.object);
  return undefined;
}

/**
 * A list computed at run time (`ids`, `rows.map((r) => r.id)`): the keys of
 * rows in hand. A literal array (`['pending', 'paid']`), a constant bound to
 * one, or an imported constant (most often a set of enum values) is a set of
 * values, not a bound.
 */
export function runtimeList(at: NodePath, n: Node): boolean {
  if (isNullish(n) || n.type === 'ArrayExpression') return false;
  if (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression') return runtimeList(at, n.expression);
  if (n.type === 'Identifier') {
    const binding = at.scope.getBinding(n.name);
    const init = binding?.path.isVariableDeclarator() ? binding.path.node.init : undefined;
    if (binding?.constant && init && (init.type === 'ArrayExpression' || (init.type === 'TSAsExpression' && init.expression.type === 'ArrayExpression'))) return false;
    if (binding?.kind === 'module') return false;
  }
  return true;
}

/** A cursor the loop around `at` moves on: an identifier (or `x.y`) assigned inside an enclosing loop. */
export function movesInLoop(at: NodePath, value: Node): boolean {
  const root = rootName(value);
  if (!root) return false;
  const binding = at.scope.getBinding(root);
  if (!binding) return false;
  const loop = at.findParent((p) => p.isLoop());
  if (!loop) return false;
  return binding.constantViolations.some((v) => v.isDescendant(loop));
}

export interface OperatorSpelling {
  /** The operator a key names (`in` for `[Op.in]` or `$in`), or undefined for a field name. */
  operator(p: ObjectProperty): string | undefined;
  /** `field: [..]` / `field: ids` means the field is in the list (Sequelize, MikroORM; not Mongo). */
  arrayMeansIn: boolean;
}

/** The key of `[Op.in]` (computed `X.in`) or `$in`, without the `$`. */
export function dollarOrOpOperator(p: ObjectProperty): string | undefined {
  if (p.computed) return p.key.type === 'MemberExpression' && !p.key.computed && p.key.property.type === 'Identifier' ? p.key.property.name : undefined;
  const name = propertyName(p);
  return name?.startsWith('$') ? name.slice(1) : undefined;
}

/** An object literal, or an identifier bound once to one. */
export function resolveObject(at: NodePath, node: Node): ObjectExpression | undefined {
  if (node.type === 'ObjectExpression') return node;
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return resolveObject(at, node.expression);
  if (node.type !== 'Identifier') return undefined;
  const binding = at.scope.getBinding(node.name);
  if (!binding || !binding.constant || !binding.path.isVariableDeclarator()) return undefined;
  const init = binding.path.node.init;
  return init ? resolveObject(at, init) : undefined;
}

/**
 * 'list' when a field of the where (top level, or a member of an `and`) is
 * pinned to a run-time list, 'page' when one is a range from a cursor the
 * loop around the load moves on; undefined otherwise.
 */
export function operatorWhereBound(at: NodePath, where: Node, spelling: OperatorSpelling): 'list' | 'page' | undefined {
  const bounds = (node: Node, how: 'list' | 'page', depth: number): boolean => {
    const obj = depth > 6 ? undefined : resolveObject(at, node);
    if (!obj) return false;
    for (const p of obj.properties) {
      if (p.type === 'SpreadElement') {
        if (bounds(p.argument, how, depth + 1)) return true;
        continue;
      }
      if (p.type !== 'ObjectProperty') continue;
      const op = spelling.operator(p);
      if (op === 'and') {
        const members = p.value.type === 'ArrayExpression' ? p.value.elements : [p.value];
        if (members.some((m) => m && m.type !== 'SpreadElement' && bounds(m, how, depth + 1))) return true;
        continue;
      }
      if (op !== undefined) continue;
      const v = p.value as Node;
      if (how === 'list' && spelling.arrayMeansIn && v.type !== 'ObjectExpression' && runtimeList(at, v) && arrayLike(at, v)) return true;
      if (v.type !== 'ObjectExpression') continue;
      for (const q of v.properties) {
        if (q.type !== 'ObjectProperty') continue;
        const inner = spelling.operator(q);
        if (how === 'list' && inner === 'in' && runtimeList(at, q.value)) return true;
        if (how === 'page' && ['gt', 'gte', 'lt', 'lte'].includes(inner ?? '') && movesInLoop(at, q.value)) return true;
      }
    }
    return false;
  };
  if (bounds(where, 'list', 0)) return 'list';
  if (bounds(where, 'page', 0)) return 'page';
  return undefined;
}

/** An expression that reads as a list: `xs.map(...)`, `[...]`, or a name ending in s / List / Ids. */
function arrayLike(at: NodePath, v: Node): boolean {
  if (v.type === 'CallExpression' && v.callee.type === 'MemberExpression' && v.callee.property.type === 'Identifier') return ['map', 'filter', 'slice', 'flatMap', 'concat'].includes(v.callee.property.name);
  if (v.type === 'Identifier') {
    const binding = at.scope.getBinding(v.name);
    const init = binding?.path.isVariableDeclarator() ? binding.path.node.init : undefined;
    if (init?.type === 'CallExpression' && init.callee.type === 'MemberExpression' && init.callee.property.type === 'Identifier' && ['map', 'filter', 'slice', 'flatMap'].includes(init.callee.property.name)) return true;
    const ann = binding?.path.isIdentifier() ? binding.path.node.typeAnnotation : undefined;
    if (ann && ann.type === 'TSTypeAnnotation' && (ann.typeAnnotation.type === 'TSArrayType' || (ann.typeAnnotation.type === 'TSTypeReference' && ann.typeAnnotation.typeName.type === 'Identifier' && ['Array', 'ReadonlyArray'].includes(ann.typeAnnotation.typeName.name)))) return true;
    return /(?:Ids|IDs|List|Keys)$/.test(v.name) || v.name === 'ids';
  }
  return false;
}
