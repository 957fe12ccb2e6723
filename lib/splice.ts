/** Replacing an expression's text with new code, parenthesised where its place needs it. */
import type { NodePath } from '@babel/traverse';
import type { Node } from '@babel/types';
import type { RuleContext, TextEdit } from './rule.js';

/**
 * Replace the node at `path` with `text`, an expression of unary precedence or
 * looser (`await x`, `a ?? b`, `x !== null`). Wraps it in parentheses when the
 * place it lands binds tighter, unless the original was parenthesised already.
 */
export function awaitedReplacement(ctx: RuleContext, path: NodePath, text: string): TextEdit {
  const node = path.node;
  const wrapped = needsParens(path) && !isParenthesized(ctx.source, node) ? `(${text})` : text;
  return { start: node.start ?? 0, end: node.end ?? 0, text: wrapped };
}

export function isParenthesized(source: string, node: Node): boolean {
  if ((node as { extra?: { parenthesized?: boolean } }).extra?.parenthesized) return true;
  void source;
  return false;
}

/** Would a unary-or-looser expression need parentheses in this node's place? */
export function needsParens(path: NodePath): boolean {
  const parent = path.parentPath;
  if (!parent) return false;
  const p = parent.node;
  const n = path.node;
  switch (p.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return p.object === n;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return p.callee === n;
    case 'TaggedTemplateExpression':
      return p.tag === n;
    case 'BinaryExpression':
      return p.operator === '**' && p.left === n;
    case 'TSNonNullExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return false;
    default:
      return false;
  }
}

/** Looser than unary (a comparison, `??`, a conditional): parenthesise it in operand positions too. */
export function needsParensLoose(path: NodePath): boolean {
  const parent = path.parentPath;
  if (!parent) return false;
  const p = parent.node;
  switch (p.type) {
    case 'ExpressionStatement':
    case 'VariableDeclarator':
    case 'ReturnStatement':
    case 'ArrayExpression':
    case 'ObjectProperty':
    case 'SpreadElement':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'TemplateLiteral':
    case 'AwaitExpression':
      return p.type === 'AwaitExpression';
    case 'CallExpression':
    case 'NewExpression':
    case 'OptionalCallExpression':
      return p.callee === path.node;
    case 'ArrowFunctionExpression':
      return false;
    case 'AssignmentExpression':
      return false;
    case 'ConditionalExpression':
      return p.test === path.node;
    default:
      return true;
  }
}
