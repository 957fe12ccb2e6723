/**
 * Helpers plugins share to tell what a receiver is bound to: ORM-neutral
 * reading of initialisers and callback parameters.
 */
import type { NodePath } from '@babel/traverse';
import type { Expression } from '@babel/types';

/** The expression under `await`, `as T`, `!`, `satisfies T` and parentheses. */
export function unwrapExpression(node: Expression | null | undefined): Expression | null | undefined {
  let n = node;
  while (n && (n.type === 'AwaitExpression' || n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'ParenthesizedExpression')) {
    n = n.type === 'AwaitExpression' ? n.argument : n.expression;
  }
  return n;
}

/** Is this parameter one of the first-argument callback of `<x>.<method>(...)` (`prisma.$transaction(async (tx) => ...)`)? */
export function isCallbackParamOf(paramPath: NodePath, method: string): boolean {
  const fn = paramPath.parentPath;
  if (!fn || !(fn.isArrowFunctionExpression() || fn.isFunctionExpression())) return false;
  const call = fn.parentPath;
  if (!call || !call.isCallExpression() || call.node.arguments[0] !== fn.node) return false;
  const callee = call.node.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === method;
}
