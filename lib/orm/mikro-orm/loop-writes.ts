/**
 * Does the loop walking a MikroORM load write anything? Keyset batches free
 * each batch with `em.clear()`, which detaches every managed entity: a change
 * made in the loop (to a row, to another entity, through the unit of work)
 * and flushed later would be lost, and so would a row kept past its batch.
 * So batches are offered only for loops that, as far as the code shows:
 *   - assign, update or delete nothing outside the loop's own variables;
 *   - call no unit-of-work method (persist, flush, remove, assign, create, ...);
 *   - use each row only to read its stored fields: a row (or a relation of
 *     it) passed to a function, stored, returned, or called a method on may
 *     be changed or kept, so it counts as a write.
 * Reading a scalar field and passing the value on is fine (`send(u.email)`).
 * Without entity facts, only reads that are not calls count as reads.
 */
import type { Binding, NodePath } from '@babel/traverse';
import type { CallExpression, Node } from '@babel/types';
import type { ModelFacts } from '../core/facts.js';

const UNIT_OF_WORK = new Set([
  'persist', 'persistAndFlush', 'flush', 'remove', 'removeAndFlush', 'assign', 'create', 'upsert', 'upsertMany',
  'insert', 'insertMany', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'merge', 'lock', 'refresh', 'populate',
  'transactional', 'begin', 'commit', 'rollback', 'clear', 'getReference',
]);
/** Collection methods: a write when called on a member (`team.members.add(u)`), not on a local Set or Map. */
const COLLECTION = new Set(['add', 'set', 'removeAll', 'init', 'hydrate']);

/** The loops that walk the load's rows: their bodies and row variables. undefined when pushdown cannot see one. */
export function loopsOver(call: NodePath<CallExpression>): { body: NodePath; rows: Binding[] }[] | undefined {
  const awaited = call.parentPath;
  if (!awaited?.isAwaitExpression()) return undefined;
  const direct = loopAt(awaited);
  if (direct) return [direct];
  const decl = awaited.parentPath;
  if (!decl?.isVariableDeclarator() || decl.node.init !== awaited.node || decl.node.id.type !== 'Identifier') return undefined;
  const binding = decl.scope.getBinding(decl.node.id.name);
  if (!binding) return undefined;
  const loops = binding.referencePaths.map((r) => loopAt(r));
  return loops.length > 0 && loops.every((l) => l !== undefined) ? (loops as { body: NodePath; rows: Binding[] }[]) : undefined;
}

/** `for (const r of <rows>) body` or `<rows>.forEach((r) => body)`, with `rows` at `at`. */
function loopAt(at: NodePath): { body: NodePath; rows: Binding[] } | undefined {
  const parent = at.parentPath;
  if (parent?.isForOfStatement() && parent.node.right === at.node) {
    const left = parent.node.left;
    const names = left.type === 'VariableDeclaration' ? Object.keys((parent.get('left') as NodePath).getBindingIdentifiers()) : [];
    const rows = names.map((n) => parent.scope.getBinding(n)).filter((b): b is Binding => b !== undefined);
    return rows.length === names.length && names.length > 0 ? { body: parent.get('body') as NodePath, rows } : undefined;
  }
  if (parent?.isMemberExpression() && parent.node.object === at.node && !parent.node.computed && parent.node.property.type === 'Identifier' && parent.node.property.name === 'forEach') {
    const call = parent.parentPath;
    const cb = call?.isCallExpression() ? (call.get('arguments.0') as NodePath) : undefined;
    if (!cb || !(cb.isArrowFunctionExpression() || cb.isFunctionExpression())) return undefined;
    const first = cb.get('params.0') as NodePath | undefined;
    if (!first?.node) return undefined;
    const names = Object.keys(first.getBindingIdentifiers());
    const rows = names.map((n) => cb.scope.getBinding(n)).filter((b): b is Binding => b !== undefined);
    return { body: cb.get('body') as NodePath, rows };
  }
  return undefined;
}

/** The first write the loop body makes, described, or undefined when it makes none pushdown can see. */
export function loopWrite(body: NodePath, rows: readonly Binding[], model: ModelFacts | undefined, source: string): string | undefined {
  const shown = (n: Node) => {
    const t = source.slice(n.start ?? 0, n.end ?? 0).replace(/\s+/g, ' ');
    return t.length > 60 ? `${t.slice(0, 57)}...` : t;
  };
  const local = (name: string, from: NodePath): boolean => {
    const b = from.scope.getBinding(name);
    return b !== undefined && !rows.includes(b) && (b.path === body || b.path.isDescendant(body));
  };
  let found: string | undefined;
  const note = (n: Node, why: string) => {
    found ??= `\`${shown(n)}\` ${why}`;
  };
  body.traverse({
    AssignmentExpression(p) {
      const target = p.node.left;
      const root = rootName(target);
      if (target.type === 'Identifier' ? rows.some((r) => r.identifier.name === target.name) : root === undefined || !local(root, p)) note(p.node, 'changes state the loop does not own');
    },
    UpdateExpression(p) {
      const root = rootName(p.node.argument);
      if (p.node.argument.type !== 'Identifier' && (root === undefined || !local(root, p))) note(p.node, 'changes state the loop does not own');
    },
    UnaryExpression(p) {
      if (p.node.operator === 'delete') note(p.node, 'deletes a property');
    },
    CallExpression(p) {
      const callee = p.node.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
      const name = callee.property.name;
      const collection = COLLECTION.has(name) && callee.object.type === 'MemberExpression';
      if (!UNIT_OF_WORK.has(name) && !collection) return;
      const root = rootName(callee.object);
      if (root === undefined || !local(root, p)) note(p.node, collection ? 'changes a collection' : 'uses the unit of work');
    },
  });
  if (found) return found;
  for (const row of rows) {
    for (const ref of row.referencePaths) {
      if (!ref.isDescendant(body)) continue;
      const why = rowUse(ref, model);
      if (why) return `\`${shown(ref.parentPath?.node ?? ref.node)}\` ${why}`;
    }
  }
  return undefined;
}

/** Why this use of a row may change or keep it, or undefined for a plain read. */
function rowUse(ref: NodePath, model: ModelFacts | undefined): string | undefined {
  let top: NodePath = ref;
  let firstField: string | undefined;
  while (top.parentPath?.isMemberExpression() && top.parentPath.node.object === top.node) {
    const m = top.parentPath.node;
    if (firstField === undefined) firstField = !m.computed && m.property.type === 'Identifier' ? m.property.name : '';
    top = top.parentPath;
  }
  const parent = top.parentPath;
  if (top === ref) {
    // The row itself: only compared or tested.
    if (parent?.isBinaryExpression() && ['===', '!==', '==', '!='].includes(parent.node.operator)) return undefined;
    return 'passes or keeps the row itself';
  }
  const field = firstField ? model?.fields.get(firstField) : undefined;
  const scalar = field !== undefined && field.isScalar && !field.isRelation;
  if (parent?.isCallExpression() && parent.node.callee === top.node) {
    return scalar && top.parentPath !== ref.parentPath ? undefined : 'calls a method on the row or one of its relations';
  }
  if (!scalar && (parent?.isCallExpression() || parent?.isNewExpression() || parent?.isReturnStatement() || parent?.isArrayExpression() || parent?.isObjectProperty() || parent?.isVariableDeclarator() || parent?.isAssignmentExpression() || parent?.isSpreadElement())) {
    return field ? 'passes or keeps a relation of the row' : 'passes or keeps a value of the row that may be an entity';
  }
  return undefined;
}

function rootName(node: Node): string | undefined {
  let n = node;
  while (n.type === 'MemberExpression' || n.type === 'TSNonNullExpression' || n.type === 'OptionalMemberExpression') n = n.type === 'TSNonNullExpression' ? n.expression : n.object;
  return n.type === 'Identifier' ? n.name : undefined;
}
