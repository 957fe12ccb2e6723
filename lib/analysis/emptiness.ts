/**
 * Is an expression about the rows only a question of "any or none"?
 *
 *   rows.length > 0, !== 0, != 0, >= 1, 0 < rows.length ...   -> some
 *   rows.length === 0, == 0, < 1, <= 0                         -> none
 *   !rows.length, Boolean(rows.length)                         -> none / some
 *   rows.length in a test position: if (...), while (...), c ? a : b,
 *     and `&&`/`||` operands when the whole logical is itself tested
 *   rows.some(...) anywhere (a boolean), with its `!`s
 *   rows.find(...) tested for truthiness, or against undefined / null
 *
 * Other comparisons with an integer literal (`rows.length === 1`, `> 2`) are
 * answered with a bound: counting up to `bound` rows is enough. Anything else
 * (`rows.length + 1`, `const n = rows.length`) is not an emptiness question.
 */
import { skipTransparent } from './uses.js';
import type { NodePath } from '@babel/traverse';
import type { Expression } from '@babel/types';

export type Emptiness =
  /** Replace `node` with a test that is true when there are no rows (`empty`) or some (`!empty`). */
  | { kind: 'emptiness'; node: NodePath; empty: boolean }
  /** `rows.length` is compared with a literal: a count capped at `bound` gives the same answer. */
  | { kind: 'bounded'; bound: number };

/** What the value at `path` is: the rows' `.length`, a boolean (`.some()`), or an element or undefined (`.find()`). */
export type Subject = 'length' | 'boolean' | 'element';

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '===': '===', '!==': '!==', '==': '==', '!=': '!=' };

export function emptinessOf(path: NodePath, subject: Subject): Emptiness | null {
  const compared = subject === 'length' ? lengthComparison(path) : subject === 'element' ? elementComparison(path) : null;
  if (compared) return compared;
  let node = path;
  let empty = false;
  let negated = false;
  const climbNots = () => {
    while (node.parentPath?.isUnaryExpression({ operator: '!' })) {
      node = node.parentPath;
      empty = !empty;
      negated = true;
    }
  };
  climbNots();
  if (subject === 'boolean' || negated) return { kind: 'emptiness', node, empty };
  if (isBooleanCall(node.parentPath, node)) {
    node = node.parentPath!;
    climbNots();
    return { kind: 'emptiness', node, empty };
  }
  if (inTestPosition(node)) return { kind: 'emptiness', node, empty };
  return null;
}

function lengthComparison(path: NodePath): Emptiness | null {
  const parent = path.parentPath;
  if (!parent?.isBinaryExpression()) return null;
  const { left, right } = parent.node;
  const onLeft = left === path.node;
  const other = (onLeft ? right : left) as Expression;
  if (other.type !== 'NumericLiteral' || !Number.isInteger(other.value) || other.value < 0) return null;
  const op = onLeft ? parent.node.operator : FLIP[parent.node.operator];
  const n = other.value;
  switch (op) {
    case '>':
      return n === 0 ? { kind: 'emptiness', node: parent, empty: false } : { kind: 'bounded', bound: n + 1 };
    case '>=':
      if (n === 0) return null; // always true: leave it alone
      return n === 1 ? { kind: 'emptiness', node: parent, empty: false } : { kind: 'bounded', bound: n };
    case '<':
      if (n === 0) return null; // always false
      return n === 1 ? { kind: 'emptiness', node: parent, empty: true } : { kind: 'bounded', bound: n };
    case '<=':
      return n === 0 ? { kind: 'emptiness', node: parent, empty: true } : { kind: 'bounded', bound: n + 1 };
    case '===':
    case '==':
      return n === 0 ? { kind: 'emptiness', node: parent, empty: true } : { kind: 'bounded', bound: n + 1 };
    case '!==':
    case '!=':
      return n === 0 ? { kind: 'emptiness', node: parent, empty: false } : { kind: 'bounded', bound: n + 1 };
    default:
      return null;
  }
}

/** `rows.find(p) !== undefined`, `== null`, ...: find gives a row object or undefined. */
function elementComparison(path: NodePath): Emptiness | null {
  const parent = path.parentPath;
  if (!parent?.isBinaryExpression()) return null;
  const { left, right, operator } = parent.node;
  const other = left === path.node ? right : left;
  const isUndefined = other.type === 'Identifier' && other.name === 'undefined' && !parent.scope.getBinding('undefined');
  const isNull = other.type === 'NullLiteral';
  if (isUndefined && (operator === '===' || operator === '==')) return { kind: 'emptiness', node: parent, empty: true };
  if (isUndefined && (operator === '!==' || operator === '!=')) return { kind: 'emptiness', node: parent, empty: false };
  if (isNull && operator === '==') return { kind: 'emptiness', node: parent, empty: true };
  if (isNull && operator === '!=') return { kind: 'emptiness', node: parent, empty: false };
  return null;
}

/** `Boolean(x)` with the global Boolean. */
function isBooleanCall(parent: NodePath | null, child: NodePath): parent is NodePath {
  if (!parent?.isCallExpression()) return false;
  const { callee, arguments: args } = parent.node;
  return callee.type === 'Identifier' && callee.name === 'Boolean' && !parent.scope.getBinding('Boolean') && args.length === 1 && args[0] === child.node;
}

/** Is only the truthiness of this expression ever looked at? (Type-only wrappers around it do not count.) */
export function inTestPosition(path: NodePath): boolean {
  const top = skipTransparent(path);
  const parent = top.parentPath;
  if (!parent) return false;
  const p = parent.node;
  const n = top.node;
  switch (p.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ConditionalExpression':
      return p.test === n;
    case 'UnaryExpression':
      return p.operator === '!';
    case 'LogicalExpression':
      return (p.operator === '&&' || p.operator === '||') && inTestPosition(parent);
    case 'CallExpression':
      return isBooleanCall(parent, top);
    default:
      return false;
  }
}
