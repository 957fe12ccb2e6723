/**
 * Questions about a first-row value (`rows[0]`) and the emptiness tests around
 * it: does a use treat null and undefined alike, is `rows.length` compared
 * with "empty or not", and is a use reached only when the rows are non-empty.
 */
import { inTestPosition } from './emptiness.js';
import type { NodePath } from '@babel/traverse';
import type { Node } from '@babel/types';
import { skipTransparent } from './uses.js';

/** An emptiness test on `rows.length`: `path` is the whole test, `empty` says which way it reads. */
export interface EmptinessTest {
  path: NodePath;
  empty: boolean;
}

const isNullish = (n: Node): boolean => n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined');

/**
 * Would this use see no difference between null and undefined? True for a
 * truthiness test, `?.`, `== null` / `!= null`, the left of `??` and `||`,
 * and `&&` whose own value is used that way.
 */
export function nullTolerant(valuePath: NodePath): boolean {
  const top = skipTransparentNonNull(valuePath);
  const parent = top.parentPath;
  if (!parent) return false;
  const p = parent.node;
  const n = top.node;
  if (inTestPosition(top)) return true;
  switch (p.type) {
    case 'UnaryExpression':
      return p.operator === '!';
    case 'LogicalExpression':
      if (p.left === n) return p.operator === '&&' ? nullTolerant(parent) : true;
      return nullTolerant(parent);
    case 'OptionalMemberExpression':
      return p.object === n && p.optional;
    case 'OptionalCallExpression':
      return p.callee === n && p.optional;
    case 'BinaryExpression':
      if (p.operator !== '==' && p.operator !== '!=') return false;
      return isNullish(p.left === n ? p.right : p.left);
    case 'CallExpression':
      return p.callee.type === 'Identifier' && p.callee.name === 'Boolean' && p.arguments.length === 1 && p.arguments[0] === n;
    case 'ConditionalExpression':
      return p.test !== n && nullTolerant(parent);
    default:
      return false;
  }
}

/** Like skipTransparent, but a `!` non-null assertion is not transparent: `x!.f` dereferences. */
function skipTransparentNonNull(path: NodePath): NodePath {
  let p = path;
  while (p.parentPath && (p.parentPath.isTSAsExpression() || p.parentPath.isTSSatisfiesExpression() || p.parentPath.isParenthesizedExpression())) p = p.parentPath;
  return p;
}


const EMPTY_WHEN: Record<string, (n: number) => boolean | undefined> = {
  '===': (n) => (n === 0 ? true : undefined),
  '==': (n) => (n === 0 ? true : undefined),
  '!==': (n) => (n === 0 ? false : undefined),
  '!=': (n) => (n === 0 ? false : undefined),
  '<': (n) => (n === 1 ? true : undefined),
  '<=': (n) => (n === 0 ? true : undefined),
  '>': (n) => (n === 0 ? false : undefined),
  '>=': (n) => (n === 1 ? false : undefined),
};
const FLIP: Record<string, string> = { '===': '===', '==': '==', '!==': '!==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * `rows.length === 0`, `< 1`, `!rows.length` (empty) or `> 0`, `!== 0`,
 * `>= 1`, `if (rows.length)` (non-empty). `rows.length === 1` is not one.
 */
export function emptinessTest(lengthPath: NodePath): EmptinessTest | undefined {
  const top = skipTransparent(lengthPath);
  const parent = top.parentPath;
  if (!parent) return undefined;
  const p = parent.node;
  if (p.type === 'BinaryExpression' && FLIP[p.operator]) {
    const other = p.left === top.node ? p.right : p.left;
    if (other.type !== 'NumericLiteral') return undefined;
    const op = p.left === top.node ? p.operator : FLIP[p.operator];
    const empty = EMPTY_WHEN[op](other.value);
    return empty === undefined ? undefined : { path: parent, empty };
  }
  if (p.type === 'UnaryExpression' && p.operator === '!') return { path: parent, empty: true };
  if (inTestPosition(top)) return { path: top, empty: false };
  return undefined;
}

/**
 * Is `use` reached only when the rows are non-empty? It sits in the branch an
 * emptiness test opens (`if (nonEmpty) { use }`, `nonEmpty ? use : …`,
 * `nonEmpty && use`), or after `if (empty) return/throw` in an enclosing
 * block, within the same function.
 */
export function onlyWhenNonEmpty(use: NodePath, tests: readonly EmptinessTest[]): boolean {
  const fn = use.getFunctionParent();
  const byNode = new Map<Node, EmptinessTest>(tests.map((t) => [t.path.node, t]));
  const opens = (test: Node | null | undefined, branchIsConsequent: boolean): boolean => {
    const t = test ? byNode.get(test) : undefined;
    return t !== undefined && t.empty !== branchIsConsequent;
  };
  let child: NodePath = use;
  for (let p = use.parentPath; p && p.getFunctionParent() === fn && p !== fn; child = p, p = p.parentPath) {
    const n = p.node;
    if ((n.type === 'IfStatement' || n.type === 'ConditionalExpression') && child.node !== n.test) {
      if (opens(n.test, child.node === n.consequent)) return true;
    }
    if (n.type === 'LogicalExpression' && child.node === n.right) {
      if (n.operator === '&&' && opens(n.left, true)) return true;
      if (n.operator === '||' && opens(n.left, false)) return true;
    }
    if (n.type === 'BlockStatement' || n.type === 'Program') {
      const body = n.body as Node[];
      const at = body.indexOf(child.node);
      for (let i = 0; i < at; i++) {
        const s = body[i];
        if (s.type === 'IfStatement' && !s.alternate && exits(s.consequent) && opens(s.test, false)) return true;
      }
    }
  }
  return false;
}

/** A statement that always leaves: `return`, `throw`, or a block ending in one. */
function exits(s: Node): boolean {
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement') return true;
  if (s.type === 'BlockStatement') {
    const last = s.body[s.body.length - 1];
    return last !== undefined && (last.type === 'ReturnStatement' || last.type === 'ThrowStatement') && !s.body.some(mayJump);
  }
  return false;
}

function mayJump(s: Node): boolean {
  return s.type === 'BreakStatement' || s.type === 'ContinueStatement' || s.type === 'LabeledStatement';
}

/**
 * The tests that read a first-row value for truthiness (`if (first)`,
 * `!first`, `first != null`), as emptiness tests: a row is never falsy, so a
 * truthy value means the rows were non-empty.
 */
export function truthinessTests(values: readonly NodePath[]): EmptinessTest[] {
  const out: EmptinessTest[] = [];
  for (const v of values) {
    const top = skipTransparent(v);
    const parent = top.parentPath;
    if (inTestPosition(top)) out.push({ path: top, empty: false });
    if (!parent) continue;
    const p = parent.node;
    if (p.type === 'UnaryExpression' && p.operator === '!') out.push({ path: parent, empty: true });
    if (p.type === 'BinaryExpression' && (p.operator === '==' || p.operator === '!=') && isNullish(p.left === top.node ? p.right : p.left)) {
      out.push({ path: parent, empty: p.operator === '==' });
    }
  }
  return out;
}
