/**
 * N+1 loops: a loop over a list of rows whose body awaits a query keyed by
 * the row (`for (const u of users) { await X.find({ where: { fk: u.id } }) }`).
 *
 * Loops found:
 *   for (const u of users) BODY                           (also labelled)
 *   ... Promise.all(users.map(async (u) => BODY)) ...     (the statement holding it)
 *   users.forEach(async (u) => BODY)                      (reported: forEach does not wait)
 * where `users` is a constant binding. A per-row query is a call the dialect
 * calls keyed (its filter pins a field to one value) with a pin whose value is
 * `u.field`, directly awaited in BODY (not in a nested function).
 *
 * Also says what could make one query before the loop read differently from
 * the queries the iterations ran: another await or a write in the body (a
 * later iteration's query could read what it wrote), the query depending on
 * the row beyond its key or on a variable the loop changes, the key field
 * written, the list used inside the loop, a query inside a try block.
 */
import type { Binding, NodePath } from '@babel/traverse';
import type { ArrowFunctionExpression, CallExpression, Expression, ForOfStatement, FunctionExpression, Identifier, MemberExpression, Node, Statement, VariableDeclaration } from '@babel/types';
import { activePlugins, clientNamesFor } from '../orm/core/registry.js';
import type { Dialect, KeyedQuery } from '../orm/core/types.js';
import type { RuleContext } from '../rule.js';
import { pathAt, someNode } from '../walk.js';
import { defineScan, scanned } from './plain-scan.js';
import { shortText } from '../text.js';
import { writtenRowField } from './row-writes.js';
import { skipTransparent } from './uses.js';

export type RowLoop = {
  /** The statement the one query goes before. */
  statement: NodePath<Statement>;
  /** What the iterations run: the for-of body or the callback's body. */
  body: NodePath;
  /** The function the body belongs to (the callback), or undefined for a for-of. */
  callback?: NodePath<ArrowFunctionExpression | FunctionExpression>;
  row: Binding;
  rowName: string;
  list: Binding;
  listName: string;
  /** The node findings are reported at. */
  node: Node;
} & ({ kind: 'for-of'; loop: NodePath<ForOfStatement> } | { kind: 'map-all' | 'forEach'; call: NodePath<CallExpression> });

export interface PerRowQuery {
  query: KeyedQuery;
  /** The `await` around the query, or the query itself when a map callback returns it (Promise.all awaits it). */
  awaited: NodePath<Expression>;
  /** The field of the queried model pinned to the row's value. */
  field: string;
  /** The row's field it is pinned to (`id` in `u.id`). */
  rowField: string;
  /** Source text of the key (`u.id`). */
  keyText: string;
}

export type Problem = { node: Node; reason: string; suggestion: string };

/** The active dialects for this file, with the client names each takes. */
function activeDialects(ctx: Pick<RuleContext, 'options'>): { dialect: Dialect; clientNames: readonly string[] }[] {
  return activePlugins(ctx.options).map((p) => ({ dialect: p.dialect, clientNames: clientNamesFor(p, ctx.options) }));
}

/** Is this call a query an active dialect knows: one that only reads, or one that (may) write? */
function queryKind(ctx: RuleContext, path: NodePath<CallExpression>): 'read' | 'write' | undefined {
  for (const a of activeDialects(ctx)) {
    const kind = a.dialect.queryKind?.(path, ctx, a.clientNames);
    if (kind) return kind;
  }
  return undefined;
}

/** A for-of over a plain name into one declared name (`for (const u of users)`), read from the node alone. */
function isForOfCandidate(node: Node): node is ForOfStatement {
  if (node.type !== 'ForOfStatement' || node.await) return false;
  const left = node.left;
  return node.right.type === 'Identifier' && left.type === 'VariableDeclaration' && left.declarations.length === 1 && left.declarations[0].id.type === 'Identifier';
}

/** `list.map(cb)` / `list.forEach(async cb)` with one (async for forEach) non-generator callback whose first parameter is a name, read from the node alone. */
function isCallbackLoopCandidate(node: Node): node is CallExpression {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') return false;
  const method = callee.property.name;
  if ((method !== 'map' && method !== 'forEach') || node.arguments.length !== 1) return false;
  const cb = node.arguments[0];
  if ((cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression') || cb.generator) return false;
  // forEach waits for nothing; a sync forEach callback cannot await a query.
  if (method === 'forEach' && !cb.async) return false;
  return cb.params[0]?.type === 'Identifier';
}

/**
 * Could perRowQueries find a query in this loop, whatever the bindings are?
 * It needs a call in the body that an active dialect may take for a keyed
 * query (mayMatchKeyedQuery), and a key `row.field` whose `row` is the loop's
 * row binding: a reference to that binding lies inside the loop (a for-of's
 * `let`/`const`) or the callback, so when none of those spell `row.field` no
 * query is keyed by the row. A `var` row reaches past the loop: always maybe.
 */
function mayQueryPerRow(node: ForOfStatement | CallExpression, mayBeKeyedQuery: (call: CallExpression) => boolean): boolean {
  let scope: Node;
  let body: Node;
  let row: string;
  if (node.type === 'ForOfStatement') {
    const declaration = node.left as VariableDeclaration;
    if (declaration.kind === 'var') return true;
    scope = node;
    body = node.body;
    row = (declaration.declarations[0].id as Identifier).name;
  } else {
    const callback = node.arguments[0] as ArrowFunctionExpression | FunctionExpression;
    scope = callback;
    body = callback.body;
    row = (callback.params[0] as Identifier).name;
  }
  const keyOfRow = (n: Node) => n.type === 'MemberExpression' && !n.computed && n.object.type === 'Identifier' && n.object.name === row && n.property.type === 'Identifier';
  return someNode(body, (n) => n.type === 'CallExpression' && mayBeKeyedQuery(n)) && someNode(scope, keyOfRow);
}

/** The loop shapes whose body may run a query keyed by the row (mayQueryPerRow), found on the plain AST. */
const ROW_LOOPS = defineScan((ctx) => {
  const keyed = activeDialects(ctx).filter((a) => a.dialect.matchKeyedQuery !== undefined);
  // No active dialect knows a keyed query: no loop can run one per row.
  if (keyed.length === 0) return undefined;
  const mayBeKeyedQuery = (call: CallExpression) => keyed.some((a) => a.dialect.mayMatchKeyedQuery?.(call, ctx, a.clientNames) ?? true);
  return (n: Node) => (isForOfCandidate(n) || isCallbackLoopCandidate(n)) && mayQueryPerRow(n, mayBeKeyedQuery);
});

/**
 * Every loop over a constant list binding that could run a query per row, in source order.
 *
 * The loop shapes are found on the plain AST first (in the order a traversal
 * visits them), and kept when their body has a call that may be a keyed query
 * and they read a field of the row (mayQueryPerRow); only then are their NodePaths fetched and bindings
 * resolved, so a file with no such loop needs no scope crawl for this rule.
 */
export function findRowLoops(ctx: RuleContext): RowLoop[] {
  const loops: RowLoop[] = [];
  for (const { node, steps } of scanned(ctx, ROW_LOOPS)) {
    const path = pathAt(ctx.program, steps);
    if (node.type === 'ForOfStatement') forOfLoop(path as NodePath<ForOfStatement>, loops);
    else callbackLoop(path as NodePath<CallExpression>, loops);
  }
  return loops;
}

function forOfLoop(path: NodePath<ForOfStatement>, loops: RowLoop[]): void {
  const right = path.node.right as Identifier;
  const id = ((path.node.left as VariableDeclaration).declarations[0].id as Identifier);
  const row = path.scope.getBinding(id.name);
  const list = path.scope.getBinding(right.name);
  if (!row || !list || !list.constant) return;
  const statement = path.parentPath.isLabeledStatement() ? (path.parentPath as NodePath<Statement>) : path;
  loops.push({ kind: 'for-of', loop: path, statement, body: path.get('body'), row, rowName: id.name, list, listName: right.name, node: path.node });
}

function callbackLoop(path: NodePath<CallExpression>, loops: RowLoop[]): void {
  const callee = path.node.callee as MemberExpression & { object: Identifier; property: Identifier };
  const method = callee.property.name;
  const callback = path.get('arguments.0') as NodePath<ArrowFunctionExpression | FunctionExpression>;
  const param = callback.node.params[0] as Identifier;
  const list = path.scope.getBinding(callee.object.name);
  const row = callback.scope.getBinding(param.name);
  if (!row || !list || !list.constant) return;
  const base = { body: callback.get('body') as NodePath, callback, row, rowName: param.name, list, listName: callee.object.name, node: path.node };
  if (method === 'forEach') {
    const statement = path.parentPath;
    if (statement.isExpressionStatement()) loops.push({ kind: 'forEach', call: path, statement, ...base });
    return;
  }
  const statement = promiseAllStatement(path);
  if (statement) loops.push({ kind: 'map-all', call: path, statement, ...base });
}

/** `await Promise.all(list.map(cb))` as a whole statement, a declaration's value or a return: that statement. */
function promiseAllStatement(map: NodePath<CallExpression>): NodePath<Statement> | undefined {
  const all = map.parentPath;
  if (!all?.isCallExpression() || all.node.arguments.length !== 1 || all.node.arguments[0] !== map.node) return undefined;
  const callee = all.node.callee;
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'Promise' || callee.property.type !== 'Identifier' || callee.property.name !== 'all') return undefined;
  if (all.scope.getBinding('Promise')) return undefined;
  let top: NodePath = skipTransparent(all);
  if (top.parentPath?.isAwaitExpression()) top = skipTransparent(top.parentPath);
  const holder = top.parentPath;
  if (holder?.isExpressionStatement() || holder?.isReturnStatement()) return holder as NodePath<Statement>;
  if (holder?.isVariableDeclarator() && holder.node.init === top.node) {
    const declaration = holder.parentPath;
    if (declaration?.isVariableDeclaration() && declaration.node.declarations.length === 1) return declaration as NodePath<Statement>;
  }
  return undefined;
}

/** The expression inside type-only wrappers: `(x as T)!` -> `x`. */
function unwrapped(path: NodePath): NodePath {
  let p = path;
  while (p.isTSAsExpression() || p.isTSSatisfiesExpression() || p.isTSNonNullExpression() || p.isParenthesizedExpression() || p.isTSTypeAssertion()) p = p.get('expression') as NodePath;
  return p;
}

/** Is `inner` the same node as, or inside, `outer`? */
function within(inner: NodePath, outer: NodePath): boolean {
  return inner === outer || inner.isDescendant(outer);
}

/** The queries in the loop's body keyed by the row (`where: { fk: row.field }`), directly awaited there. */
export function perRowQueries(ctx: RuleContext, loop: RowLoop): PerRowQuery[] {
  const found: PerRowQuery[] = [];
  const own = loop.callback?.node;
  const active = activeDialects(ctx);
  const visit = (path: NodePath<CallExpression>) => {
    for (const a of active) {
      const query = a.dialect.matchKeyedQuery?.(path, ctx, a.clientNames);
      if (!query) continue;
      for (const pin of query.pins) {
        const v = pin.value.node;
        if (v.type !== 'MemberExpression' || v.computed || v.object.type !== 'Identifier' || v.property.type !== 'Identifier') continue;
        if (v.object.name !== loop.rowName || pin.value.scope.getBinding(v.object.name) !== loop.row) continue;
        const top = skipTransparent(path);
        const parent = top.parentPath;
        const returned = own !== undefined && (parent?.node === own || (parent?.isReturnStatement() === true && parent.getFunctionParent()?.node === own));
        const awaited = parent?.isAwaitExpression() ? (parent as NodePath<Expression>) : returned ? (top as NodePath<Expression>) : undefined;
        if (!awaited) continue;
        if (path.getFunctionParent()?.node !== (own ?? loop.statement.getFunctionParent()?.node)) continue;
        found.push({ query, awaited, field: pin.field, rowField: v.property.name, keyText: ctx.text(v) });
        break;
      }
      break;
    }
  };
  if (loop.body.isCallExpression()) visit(loop.body);
  loop.body.traverse({ CallExpression: visit });
  return found;
}

/** Why one query before the loop might not read what the per-row queries read, or undefined. */
export function loopProblem(ctx: RuleContext, loop: RowLoop, queries: readonly PerRowQuery[]): Problem | undefined {
  const queryNodes = new Set<Node>(queries.map((q) => q.query.call.node));
  let problem: Problem | undefined;
  const set = (node: Node, reason: string, suggestion: string) => {
    problem ??= { node, reason, suggestion };
  };
  const check = (path: NodePath) => {
    if (path.isAwaitExpression()) {
      const argPath = unwrapped(path.get('argument') as NodePath);
      if (queryNodes.has(argPath.node)) return;
      const inner = argPath.isCallExpression() ? argPath : undefined;
      const kind = inner ? queryKind(ctx, inner) : undefined;
      if (kind === 'read') return;
      set(
        path.node,
        kind === 'write'
          ? `the loop body writes (\`${shortText(ctx.text(path.node))}\`), and a later iteration's query could read what it wrote`
          : `the loop body also awaits \`${shortText(ctx.text(path.node))}\`, which may write what a later iteration's query reads`,
        'move the other work after the loop, or rewrite by hand if it cannot change what the queries read',
      );
    } else if (path.isCallExpression() && !queryNodes.has(path.node)) {
      const kind = queryKind(ctx, path);
      if (kind === 'write') set(path.node, `the loop body writes (\`${shortText(ctx.text(path.node))}\`), and a later iteration's query could read what it wrote`, 'move the writes after the loop');
    } else if (path.isForOfStatement() && path.node.await) {
      set(path.node, 'the loop body awaits in a `for await` loop, which may write what a later iteration reads', 'rewrite by hand');
    } else if (path.isYieldExpression()) {
      set(path.node, 'the loop body yields, so other code runs between its queries', 'rewrite by hand');
    }
  };
  check(loop.body);
  loop.body.traverse({
    enter(path) {
      check(path);
    },
  });
  if (problem) return problem;
  if (!loop.row.constant) return { node: loop.node, reason: `\`${loop.rowName}\` is reassigned in the loop`, suggestion: 'rewrite by hand' };

  for (const q of queries) {
    const call = q.query.call;
    const tried = call.findParent((p) => p.isTryStatement() && within(p, loop.body));
    if (tried) return { node: call.node, reason: 'the per-row query is inside a try block, and one query before the loop would fail outside it', suggestion: 'rewrite by hand' };
    const pinValue = q.query.pins.find((p) => p.field === q.field)!.value;
    const depends = dependsOnLoop(call, pinValue, loop);
    if (depends) {
      return {
        node: call.node,
        reason:
          depends === loop.rowName
            ? `the per-row query reads \`${depends}\` beyond its key \`${q.keyText}\`, so one query cannot say every row's filter`
            : `the per-row query also depends on \`${depends}\`, which the loop changes, so one query cannot read every row's results`,
        suggestion: 'rewrite by hand, grouping by every value the query depends on',
      };
    }
  }

  const written = writtenRowField(loop.body, loop.rowName, loop.row, new Set(queries.map((q) => q.rowField)));
  if (written) return { node: loop.node, reason: `the loop writes \`${written}\`, the key its query reads`, suggestion: 'rewrite by hand' };
  const listUse = loop.list.referencePaths.find((r) => within(r, loop.body));
  if (listUse) return { node: listUse.node, reason: `\`${loop.listName}\` is used inside the loop, which may change the list`, suggestion: 'rewrite by hand' };
  return undefined;
}

/** A variable the query's arguments read (besides the key) that is the row, declared in the loop, or reassigned in it. */
function dependsOnLoop(call: NodePath<CallExpression>, key: NodePath, loop: RowLoop): string | undefined {
  let found: string | undefined;
  const scopeNode = loop.callback ?? (loop.kind === 'for-of' ? loop.loop : loop.statement);
  call.get('arguments').forEach((arg) => {
    const visit = (p: NodePath<Identifier>) => {
      if (found || within(p, key) || !p.isReferencedIdentifier()) return;
      const binding = p.scope.getBinding(p.node.name);
      if (!binding) return;
      if (binding === loop.row || within(binding.path, scopeNode)) found = p.node.name;
      else if (binding.constantViolations.some((v) => within(v, scopeNode))) found = p.node.name;
    };
    if (arg.isIdentifier()) visit(arg);
    arg.traverse({ Identifier: visit });
  });
  return found;
}
