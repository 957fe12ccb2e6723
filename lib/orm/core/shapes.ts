/**
 * Tests on the plain AST that plugins share in `mayMatchLoad`: what a call or
 * a receiver looks like, before any binding is resolved (no NodePath, no scope).
 */
import type { CallExpression, Node } from '@babel/types';

/** `name` of `x.name` (not computed, not `x?.name`), or undefined. */
export function memberName(node: Node | null | undefined): string | undefined {
  return node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
}

/** `method` of `x.method(...)`, or undefined. */
export function calledMethod(call: CallExpression): string | undefined {
  return memberName(call.callee);
}

/** `this.name` (not computed). */
export function isThisMember(node: Node | null | undefined): boolean {
  return memberName(node) !== undefined && (node as { object: Node }).object.type === 'ThisExpression';
}

/** A spread or placeholder among the arguments: a call pushdown never reads as a load. */
export function hasSpreadArgument(call: CallExpression): boolean {
  return call.arguments.some((a) => a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder');
}

/**
 * A member receiver that can be a model by its shape: `models.User` with a
 * model's name, or `this.<anything>` (a class member whose declared type or
 * decorator names the model).
 */
export function mayBeModelMember(node: Node, models: ReadonlyMap<string, unknown>): boolean {
  const name = memberName(node);
  return name !== undefined && (models.has(name) || isThisMember(node));
}
