/**
 * Giving a load's binding another value. When the rows of a load are held by
 * a `.then` callback's parameter or a destructured `Promise.all` element
 * (uses.ts's binding sites), a rule that asks the database for something else
 * (a count, a first row, an existence test, a sum) puts that query where the
 * load was and renames the binding:
 *
 *   load(a).then((rows) => rows.length > 0 ? f(rows[0]) : g())
 *     -> first(a').then((firstRow) => firstRow !== null ? f(firstRow) : g())
 *   const [users, posts] = await Promise.all([load(a), ...]); ... users.length ...
 *     -> const [usersCount, posts] = await Promise.all([count(a'), ...]); ... usersCount ...
 *   load(a).then((rows) => rows.length)   (the callback returns the one use)
 *     -> count(a')                         (the `.then` goes too)
 *
 * The new value must be a promise where the load's was: a dialect's answer
 * written with its own `await` becomes one with `asPromise`.
 */
import type { NodePath } from '@babel/traverse';
import { parseExpression } from '../babel.js';
import type { CallExpression, Expression, Node } from '@babel/types';
import type { Load } from '../orm/core/types.js';
import type { RuleContext, TextEdit } from '../rule.js';
import { freshIdentifier } from '../text.js';
import { findNodes } from '../walk.js';
import { skipTransparent, type LoadResult } from './uses.js';

export type BindingResult = Extract<LoadResult, { shape: 'binding' }>;

/** A binding whose rows arrive as a promise's value: a `.then` callback's parameter or a `Promise.all` element. */
export type PromisedResult = BindingResult & { site: Extract<BindingResult['site'], { kind: 'then-param' | 'promise-all' }> };

export function isPromised(result: LoadResult): result is PromisedResult {
  return result.shape === 'binding' && (result.site.kind === 'then-param' || result.site.kind === 'promise-all');
}

/**
 * `load(a).then((rows) => <use>)`, or `{ return <use>; }`: the callback does
 * nothing but return the value at `use` (a node of one of the binding's uses).
 * Then the `.then` call is returned, to be replaced whole by a promise of that value.
 */
export function thenReturningOnly(result: BindingResult, use: NodePath): NodePath<CallExpression> | undefined {
  const { site } = result;
  if (site.kind !== 'then-param') return undefined;
  const body = site.callback.node.body;
  const value = skipTransparent(use).node;
  const returned = body.type === 'BlockStatement' ? (body.body.length === 1 && body.body[0].type === 'ReturnStatement' ? body.body[0].argument : undefined) : body;
  return returned === value ? site.thenCall : undefined;
}

/**
 * Can the binding hold another value with a new name? Not when a type
 * annotation on a destructuring pattern (`const [a, b]: [A[], B[]] = ...`)
 * pins the rows' type. (An annotated identifier loses its annotation when renamed.)
 */
export function rebindable(result: BindingResult): boolean {
  if (result.site.kind !== 'promise-all') return true;
  return !(result.site.declarator.node.id as { typeAnnotation?: unknown }).typeAnnotation;
}

/**
 * The load call becomes `promise` (an expression, without `await`, whose
 * value the binding now holds) and the binding is renamed `newName`. The
 * caller adds the edits of the uses.
 */
export function rebindEdits(load: Load, result: BindingResult, promise: string, newName: string): TextEdit[] {
  const call = load.call.node;
  const id = result.site.id.node;
  return [
    { start: call.start ?? 0, end: call.end ?? 0, text: promise },
    { start: id.start ?? 0, end: id.end ?? 0, text: newName },
  ];
}

/** `load(a).then(...)` replaced whole by `promise`. */
export function replaceThen(load: Load, thenCall: NodePath<CallExpression>, promise: string): TextEdit {
  return { start: load.call.node.start ?? 0, end: thenCall.node.end ?? 0, text: promise };
}

/**
 * A dialect's answer written with its own `await` (`(await q).x ?? 0`), as
 * an expression for a promise of the same value, evaluated in the same order:
 *   await q                 -> q
 *   (await q).x ?? 0        -> q.then((result) => result.x ?? 0)
 * when the one `await` is the first thing the expression evaluates (it is
 * reached through left operands, objects and callees only); anything else
 * runs in an async arrow called at once, `(async () => code)()`.
 */
export function asPromise(ctx: RuleContext, code: string): string {
  const inAsyncArrow = `(async () => ${code})()`;
  let expr: Expression;
  try {
    expr = parseExpression(code, { plugins: ['typescript'], createParenthesizedExpressions: true, allowAwaitOutsideFunction: true });
  } catch {
    return inAsyncArrow;
  }
  if (findNodes(expr, (n) => n.type === 'AwaitExpression').length !== 1) return inAsyncArrow;
  const at = (n: Node) => code.slice(n.start ?? 0, n.end ?? 0);
  // Walk the path evaluated first, down to the await; `outer` is the await with its parentheses.
  let outer: Node = expr;
  let node: Node = expr;
  while (node.type !== 'AwaitExpression') {
    let next: Node;
    if (node.type === 'ParenthesizedExpression') {
      node = node.expression;
      continue;
    }
    if ((node.type === 'BinaryExpression' || node.type === 'LogicalExpression') && node.left.type !== 'PrivateName') next = node.left;
    else if (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') next = node.object;
    else if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') next = node.callee;
    else return inAsyncArrow;
    node = outer = next;
  }
  const awaited = node.argument;
  const query = ['CallExpression', 'MemberExpression', 'Identifier', 'ParenthesizedExpression'].includes(awaited.type) ? at(awaited) : `(${at(awaited)})`;
  if (outer === expr) return at(awaited);
  const names = new Set(findNodes(expr, (n) => n.type === 'Identifier').map(({ node: n }) => (n as { name: string }).name));
  const v = freshIdentifier(ctx.ast, 'result', names, Object.keys(ctx.program.scope.globals));
  const rest = code.slice(0, outer.start ?? 0) + v + code.slice(outer.end ?? 0);
  return `${query}.then((${v}) => ${rest})`;
}
