/**
 * index-to-find-first: the first row, fetched alone.
 *
 * Matches a whole-table load of which only the first row is used:
 *   (await load(a))[0]          -> (await first(a')) ?? undefined
 *   (await load(a)).at(0)       -> the same
 *   const [u] = await load(a)   -> const u = (await first(a')) ?? undefined
 *   const rows = await load(a); ... rows[0] ...
 *                                               -> const firstRow = (await first(a')) ?? undefined; ... firstRow ...
 * where first(a') is the dialect's query for the same first row (it keeps
 * what decides which row is first and what it holds, and drops a cap that
 * cannot change it). The first-row query
 * gives null where `[0]` gave undefined, so `?? undefined` keeps the value
 * unless every use treats the two alike (a truthiness test, `?.`, `== null`,
 * the left of `??` or `||`), or is reached only when the rows are non-empty.
 * In TypeScript that form gets a `!`, `((await first(a')) ?? undefined)!`:
 * `rows[0]` was typed as the row, so `first.title` must still compile, and an
 * empty result still throws the same TypeError there.
 *   const rows = await load(a); const row = rows[0];   (both const, same block)
 *                                               -> const row = (await first(a')) ?? undefined;
 * Emptiness tests beside `rows[0]` become null checks:
 *   if (rows.length === 0) return null; return rows[0];
 *                                               -> if (firstRow === null) return null; return firstRow;
 *   rows.length > 0 ? rows[0] : null            -> firstRow
 *
 * `.find(pred)` used as a row (direct, or the only use of a binding) becomes
 * the first row passing the predicate, asked of the database with the
 * predicate as its filter: review, since rows that tie on the order (or an
 * unordered query) may put another matching row first. Its emptiness tests
 * are length-check-to-exists's; predicates it cannot read are findings.
 * A dialect whose first-row query still returns rows (a chain cut with
 * `.limit(1)`) replaces the load alone: `[0]` and every other use stay.
 *
 * The last row, `.at(-1)`, `rows[rows.length - 1]` (both `rows` the same
 * binding) or `.findLast(pred)`, is the dialect's `last`: the first row of
 * the order reversed, which it says only when the order is total.
 * The rows of a `.then((rows) => ...)` callback or of a destructured
 * `Promise.all` element are read the same way (lib/analysis/rebind.ts): the
 * query takes the load's place and the parameter or element is renamed; a
 * promise's value cannot take `?? undefined`, so each use that needs it does.
 *
 * Declines, with a finding, what the dialect cannot say the same way (a cap
 * of 0, a cap counted from the end, arguments it cannot read; a last row
 * whose order it cannot reverse exactly). Leaves alone, silently,
 * `[1]`, `[i]`, destructuring of more than the first row, and rows used for
 * anything else.
 */
import type { NodePath } from '@babel/traverse';
import type { Node, VariableDeclaration } from '@babel/types';
import { emptinessTest, nullTolerant, onlyWhenNonEmpty, truthinessTests, type EmptinessTest } from '../lib/analysis/first-row.js';
import { emptinessOf } from '../lib/analysis/emptiness.js';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { readPredicate } from '../lib/analysis/predicate.js';
import { isPromised, rebindable, rebindEdits } from '../lib/analysis/rebind.js';
import { classifyResultUse, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { Load } from '../lib/orm/core/types.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';
import { replaceExpression } from '../lib/precedence.js';
import { removeStatement } from '../lib/statements.js';
import { freshIdentifier } from '../lib/text.js';

const id = 'index-to-find-first';
const SAME_ROW = 'the query returns the row `[0]` would have (same filter, order and row shape) and loads only that row';
const keptUndefined = (why: string) => `${why}; \`?? undefined\` keeps undefined where the query says null`;
const keptType = (why: string) => `${keptUndefined(why)}, and \`!\` keeps the type \`[0]\` had`;
const nullAlike = (why: string) => `${why}; every use treats the query's null as it treated undefined`;

type BindingResult = Extract<LoadResult, { shape: 'binding' }>;
type DestructuredResult = Extract<LoadResult, { shape: 'destructured' }>;

/** A rewrite waiting for the dialect's first-row code. */
interface Plan {
  /** Does the value need `?? undefined`? */
  keepUndefined: boolean;
  edits(first: string): TextEdit[];
}

function apply(ctx: RuleContext): void {
  // Names given in this pass: two rewrites must not pick the same new name.
  const taken = new Set<string>();
  for (const load of findWholeTableLoads(ctx)) {
    const result = classifyResultUse(load);
    const last = lastRowUses(result);
    if (last) {
      lastRow(ctx, load, result, last, taken);
      continue;
    }
    if (findRow(ctx, load, result, taken)) continue;
    const plan = planFor(ctx, load, result, taken, FIRST);
    if (!plan || !load.dialect.first) continue;
    const first = load.dialect.first(load, ctx);
    if (!first.ok) {
      reportLoad(ctx, load, `only the first row of a whole-table load is used, but ${first.reason}. Fix: ${first.suggestion}.`, { messageId: 'cannot-find-first' });
      continue;
    }
    const why = first.why ?? SAME_ROW;
    if ('keepsRows' in first && first.keepsRows) {
      // The rows stay an array of (at most) the first row: only the load changes.
      const call = load.call.node;
      const edits = [{ start: call.start ?? 0, end: call.end ?? 0, text: first.code }];
      ctx.rewrite({ node: call, tier: first.tier ?? 'safe', message: why + (first.note ? `. Check: ${first.note}` : ''), edits, imports: first.imports });
      continue;
    }
    const message = (plan.keepUndefined ? (isTypeScript(ctx) ? keptType(why) : keptUndefined(why)) : nullAlike(why)) + (first.note ? `. Check: ${first.note}` : '');
    ctx.rewrite({ node: load.call.node, tier: first.tier ?? 'safe', message, edits: plan.edits(first.code), imports: first.imports });
  }
}

/**
 * `(await load(a)).find(pred)`, or `rows.find(pred)` as the only use of
 * `const rows = await load(a)`, used as a row (an emptiness test of it is
 * length-check-to-exists's): the first row passing the predicate, asked of
 * the database (`?? undefined` unless every use treats null alike). Returns
 * whether it handled the load (a rewrite or a finding).
 */
function findRow(ctx: RuleContext, load: Load, result: LoadResult, taken: Set<string>): boolean {
  const use = result.shape === 'direct' ? result.use : result.shape === 'binding' && result.uses.length === 1 ? result.uses[0] : undefined;
  if (!use || use.kind !== 'method' || (use.name !== 'find' && use.name !== 'findLast') || use.path.node.arguments.length !== 1) return false;
  const method = use.name;
  if (emptinessOf(use.path, 'element')) return false;
  const ask = method === 'find' ? load.dialect.firstMatching : load.dialect.last;
  if (!ask) return false;
  const binding = result.shape === 'binding' ? result : undefined;
  const promised = binding !== undefined && isPromised(binding);
  const awaited = load.call.parentPath;
  if (promised && !rebindable(binding)) return false;
  if (binding && !promised && (binding.site.kind !== 'declarator' || !awaited?.isAwaitExpression() || binding.site.declarator.node !== awaited.parentPath?.node)) return false;
  const read = readPredicate(use.path.get('arguments.0') as NodePath, { evaluatedAt: binding ? load.call : undefined });
  if (!read.ok) {
    if (read.join) {
      reportLoad(ctx, load, `\`.${method}(...)\` over every loaded row: the predicate reads \`${read.join}\` of an enclosing loop or callback, so it is a join, not a where clause; one query per \`${read.join}\` would be an N+1. Fix: load the rows for every \`${read.join}\` at once with an \`in\` query on the joined field, and match them in memory.`, { messageId: 'join-predicate' });
    } else {
      reportLoad(ctx, load, `\`.${method}(...)\` over every loaded row: the predicate cannot become a filter because ${read.reason}. Fix: keep the load, or ask the database for the ${method === 'find' ? 'first' : 'last'} matching row by hand.`, { messageId: 'predicate-not-where' });
    }
    return true;
  }
  const first = ask(load, ctx, read.tests);
  if (!first.ok) {
    reportLoad(ctx, load, `\`.${method}(...)\` over every loaded row: ${first.reason}. Fix: ${first.suggestion}.`, { messageId: method === 'find' ? 'cannot-find-first' : 'cannot-find-last' });
    return true;
  }
  const keep = !nullTolerant(use.path);
  const value = keep ? `(await ${first.code}) ?? undefined` : `await ${first.code}`;
  const why = first.why ?? `the query returns the row \`.${method}\` would have and loads only that row`;
  const message = (keep ? `${why}; \`?? undefined\` keeps undefined where the query says null` : nullAlike(why)) + (first.note ? `. Check: ${first.note}` : '');
  let edits: TextEdit[];
  if (!binding) edits = [replaceExpression(ctx, use.path, value)];
  else {
    const newName = freshIdentifier(ctx.ast, `matching${capitalize(singular(binding.name))}`, taken, Object.keys(ctx.program.scope.globals), binding.site.id);
    edits = promised
      ? [...rebindEdits(load, binding, first.code, newName), replaceExpression(ctx, use.path, keep ? `${newName} ?? undefined` : newName)]
      : [replaceNode(binding.site.id.node, newName), { start: awaited!.node.start ?? 0, end: awaited!.node.end ?? 0, text: value }, replaceNode(use.path.node, newName)];
  }
  ctx.rewrite({ node: load.call.node, tier: first.tier ?? 'review', message, edits, imports: first.imports });
  return true;
}

/** Which row a plan is for: the first (`[0]`), or the last (`.at(-1)`, `rows[rows.length - 1]`). */
interface RowKind {
  which: 'first' | 'last';
  /** Is this use the row? */
  is(u: Use): boolean;
  /** `.length` uses that are part of a row use (`rows[rows.length - 1]`): neither a row nor a test. */
  inner: ReadonlySet<Node>;
  /** Was the row typed as the row (`rows[0]`), not `row | undefined` (`.at(-1)`)? Then `!` keeps that type. */
  typed: boolean;
}

const FIRST: RowKind = { which: 'first', is: (u) => u.kind === 'index' && u.index === 0, inner: new Set(), typed: true };

/** `rows.at(-1)`. */
function isAtLast(u: Use): boolean {
  if (u.kind !== 'method' || u.name !== 'at' || u.path.node.arguments.length !== 1) return false;
  const arg = u.path.node.arguments[0];
  return arg.type === 'UnaryExpression' && arg.operator === '-' && arg.argument.type === 'NumericLiteral' && arg.argument.value === 1;
}

/** `rows[rows.length - 1]`, both `rows` the binding's: the inner `rows.length`. */
function lengthMinusOne(u: Use, refs: readonly Node[]): Node | undefined {
  if (u.kind !== 'escape' || !u.path.isMemberExpression() || !u.path.node.computed) return undefined;
  const key = u.path.node.property;
  if (key.type !== 'BinaryExpression' || key.operator !== '-' || key.right.type !== 'NumericLiteral' || key.right.value !== 1) return undefined;
  const left = key.left;
  if (left.type !== 'MemberExpression' || left.computed || left.property.type !== 'Identifier' || left.property.name !== 'length' || !refs.includes(left.object)) return undefined;
  return left;
}

/**
 * The uses of the last row, when the rows serve only that row (and emptiness
 * tests): `(await load(a)).at(-1)`, or a binding's `rows.at(-1)` and
 * `rows[rows.length - 1]`.
 */
function lastRowUses(result: LoadResult): RowKind | undefined {
  if (result.shape === 'direct') return isAtLast(result.use) ? { which: 'last', is: (u) => u === result.use, inner: new Set(), typed: false } : undefined;
  if (result.shape !== 'binding') return undefined;
  const refs = result.binding.referencePaths.map((r) => r.node);
  const rows = new Set<Use>();
  const inner = new Set<Node>();
  for (const u of result.uses) {
    const len = lengthMinusOne(u, refs);
    if (len) inner.add(len);
    if (len || isAtLast(u)) rows.add(u);
  }
  if (rows.size === 0) return undefined;
  // Other `.length` uses must be emptiness tests: bindingPlan decides.
  if (result.uses.some((u) => !rows.has(u) && u.kind !== 'length')) return undefined;
  return { which: 'last', is: (u) => rows.has(u), inner, typed: ![...rows].some(isAtLast) };
}

/**
 * The last row alone: the dialect's first row of the reversed order, when it
 * can say it; a finding otherwise.
 */
function lastRow(ctx: RuleContext, load: Load, result: LoadResult, row: RowKind, taken: Set<string>): void {
  const uses = result.shape === 'direct' ? [result.use] : result.shape === 'binding' ? result.uses.filter(row.is) : [];
  const form = row.typed ? '`rows[rows.length - 1]`' : '`.at(-1)`';
  const node = uses[0]?.path.node ?? load.call.node;
  const plan = planFor(ctx, load, result, taken, row);
  if (!plan) return;
  if (!load.dialect.last) {
    reportLoad(ctx, load, `${form} loads every row to keep the last one. Fix: ${load.dialect.messages.lastRowByHand}.`, { messageId: 'last-row' }, node);
    return;
  }
  const last = load.dialect.last(load, ctx);
  if (!last.ok) {
    reportLoad(ctx, load, `${form} loads every row to keep the last one, but ${last.reason}. Fix: ${last.suggestion}.`, { messageId: 'cannot-find-last' }, node);
    return;
  }
  const why = last.why ?? 'the query returns the last row (same filter, order reversed, same row shape) and loads only that row';
  const kept = isTypeScript(ctx) && row.typed ? `${keptUndefined(why)}, and \`!\` keeps the type \`rows[rows.length - 1]\` had` : keptUndefined(why);
  const message = (plan.keepUndefined ? kept : nullAlike(why)) + (last.note ? `. Check: ${last.note}` : '');
  ctx.rewrite({ node: load.call.node, tier: last.tier ?? 'safe', message, edits: plan.edits(last.code), imports: last.imports });
}

function planFor(ctx: RuleContext, load: Load, result: LoadResult, taken: Set<string>, row: RowKind): Plan | undefined {
  if (result.shape === 'direct') return directPlan(ctx, result.use, row);
  if (result.shape === 'destructured') return row.which === 'first' ? destructuredPlan(ctx, load, result) : undefined;
  if (result.shape === 'binding') return bindingPlan(ctx, load, result, taken, row);
  return undefined;
}

/** `(await load(a))[0]` -> `(await first(a')) ?? undefined`. */
function directPlan(ctx: RuleContext, use: Use, row: RowKind): Plan | undefined {
  if (!row.is(use)) return undefined;
  const keepUndefined = !nullTolerant(use.path);
  return {
    keepUndefined,
    edits: (first) => [
      !keepUndefined
        ? replaceExpression(ctx, use.path, `await ${first}`)
        : isTypeScript(ctx) && row.typed
          ? replaceNode(use.path.node, kept(ctx, first))
          : replaceExpression(ctx, use.path, kept(ctx, first, row.typed)),
    ],
  };
}

/** `const [u] = await load(a)` (or `[u = d]`) -> `const u = (await first(a')) ?? undefined` (or `?? d`). */
function destructuredPlan(ctx: RuleContext, load: Load, result: DestructuredResult): Plan | undefined {
  const { declarator, pattern } = result;
  const elements = pattern.node.elements;
  if (elements.length !== 1 || !elements[0]) return undefined;
  const el = elements[0];
  let name: string;
  let fallback: string | undefined;
  if (el.type === 'Identifier') name = el.name;
  else if (el.type === 'AssignmentPattern' && el.left.type === 'Identifier') {
    name = el.left.name;
    fallback = ctx.text(el.right);
  } else return undefined;
  if (declarator.parentPath?.parentPath?.isExportNamedDeclaration()) return undefined;
  const awaited = load.call.parentPath;
  if (!awaited?.isAwaitExpression() || declarator.node.init !== awaited.node) return undefined;
  const binding = declarator.scope.getBinding(name);
  if (!binding) return undefined;
  const refs = binding.referencePaths;
  const guards = truthinessTests(refs);
  const keepUndefined = fallback === undefined && !(binding.constant && refs.every((r) => nullTolerant(r) || onlyWhenNonEmpty(r, guards)));
  const init = awaited.node;
  return {
    keepUndefined,
    edits: (first) => [
      replaceNode(pattern.node, name),
      {
        start: init.start ?? 0,
        end: init.end ?? 0,
        text: fallback !== undefined ? `(await ${first}) ?? ${parenthesizeForNullish(fallback, el)}` : keepUndefined ? kept(ctx, first) : `await ${first}`,
      },
    ],
  };
}

/**
 * `const rows = await load(a)` whose uses are `rows[0]` and emptiness
 * tests -> `const firstRow = await first(a')`, the tests null checks.
 */
function bindingPlan(ctx: RuleContext, load: Load, result: BindingResult, taken: Set<string>, row: RowKind): Plan | undefined {
  const { site, uses, name } = result;
  // A `.then` parameter or a `Promise.all` element holds the query's value as it comes (null for no row).
  const promised = isPromised(result);
  const awaited = load.call.parentPath;
  if (promised) {
    if (!rebindable(result)) return undefined;
  } else if (site.kind !== 'declarator' || !awaited?.isAwaitExpression() || site.declarator.node.init !== awaited.node) return undefined;
  const firsts: Use[] = [];
  const tests: EmptinessTest[] = [];
  for (const u of uses) {
    if (row.is(u)) firsts.push(u);
    else if (u.kind === 'length' && row.inner.has(u.path.node)) continue;
    else if (u.kind === 'length') {
      const t = emptinessTest(u.path);
      if (!t) return undefined;
      tests.push(t);
    } else return undefined;
  }
  if (firsts.length === 0) return undefined;
  if (!promised && tests.length === 0 && firsts.length === 1) {
    const alias = aliasPlan(ctx, result, firsts[0], awaited!.node, row.typed);
    if (alias) return alias;
  }

  const guards = [...tests, ...truthinessTests(firsts.map((u) => u.path))];
  const bare = (u: Use) => nullTolerant(u.path) || onlyWhenNonEmpty(u.path, guards);
  const keepUndefined = !firsts.every(bare);
  // A declaration's value takes `?? undefined` once; a promise's value cannot, so each use that needs it does.
  const none = keepUndefined && !promised ? 'undefined' : 'null';
  const newName = freshIdentifier(ctx.ast, `${row.which}${capitalize(singular(name))}`, taken, Object.keys(ctx.program.scope.globals), result.site.id);

  // `rows.length > 0 ? rows[0] : null` is the row itself (or null) once the rows are one row.
  const wholes = new Set<Node>();
  const simplified: TextEdit[] = [];
  for (const t of tests) {
    const cond = t.path.parentPath;
    if (!cond?.isConditionalExpression() || cond.node.test !== t.path.node) continue;
    const [rowSide, noneSide] = t.empty ? [cond.node.alternate, cond.node.consequent] : [cond.node.consequent, cond.node.alternate];
    const isNone = noneSide.type === (none === 'null' ? 'NullLiteral' : 'Identifier') && (none === 'null' || (noneSide as { name?: string }).name === 'undefined');
    const rowUse = firsts.find((u) => u.path.node === rowSide);
    if (!isNone || !rowUse) continue;
    wholes.add(t.path.node).add(rowUse.path.node);
    simplified.push(replaceNode(cond.node, newName));
  }

  const firstUse = (u: Use): TextEdit =>
    promised && !bare(u) ? replaceExpression(ctx, u.path, isTypeScript(ctx) && row.typed ? `(${newName} ?? undefined)!` : `${newName} ?? undefined`) : replaceNode(u.path.node, newName);
  return {
    keepUndefined,
    edits: (first) => [
      ...(promised
        ? rebindEdits(load, result, first, newName)
        : [replaceNode(site.id.node, newName), { start: awaited!.node.start ?? 0, end: awaited!.node.end ?? 0, text: keepUndefined ? kept(ctx, first, row.typed) : `await ${first}` }]),
      ...simplified,
      ...firsts.filter((u) => !wholes.has(u.path.node)).map(firstUse),
      ...tests.filter((t) => !wholes.has(t.path.node)).map((t) => replaceExpression(ctx, t.path, `${newName} ${t.empty ? '===' : '!=='} ${none}`)),
    ],
  };
}

/**
 * `const rows = await load(a); ... const row = rows[0];` (both const,
 * one declarator each, in the same block, no comment above the alias, no type
 * on it): the alias's own name takes the query's place and its declaration
 * goes. Its uses decide whether `?? undefined` is needed, as for `const [row]`.
 */
function aliasPlan(ctx: RuleContext, result: BindingResult, use: Use, init: Node, typed: boolean): Plan | undefined {
  if (result.site.kind !== 'declarator') return undefined;
  const holder = use.path.parentPath;
  if (!holder?.isVariableDeclarator() || holder.node.init !== use.path.node || holder.node.id.type !== 'Identifier' || holder.node.id.typeAnnotation) return undefined;
  const statement = holder.parentPath;
  const loadStatement = result.site.declarator.parentPath;
  if (!single(statement) || !single(loadStatement)) return undefined;
  if (statement.parentPath !== loadStatement.parentPath || !(statement.parentPath?.isBlockStatement() || statement.parentPath?.isProgram())) return undefined;
  if (statement.node.leadingComments?.length) return undefined;
  const name = holder.node.id.name;
  const binding = holder.scope.getBinding(name);
  if (!binding || binding.path !== holder) return undefined;
  const refs = binding.referencePaths;
  const guards = truthinessTests(refs);
  const keepUndefined = !(binding.constant && refs.every((r) => nullTolerant(r) || onlyWhenNonEmpty(r, guards)));
  return {
    keepUndefined,
    edits: (first) => [
      replaceNode(result.site.id.node, name),
      { start: init.start ?? 0, end: init.end ?? 0, text: keepUndefined ? kept(ctx, first, typed) : `await ${first}` },
      removeStatement(ctx.source, statement.node),
    ],
  };
}

function single(path: NodePath | null | undefined): path is NodePath<VariableDeclaration> {
  return !!path?.isVariableDeclaration() && path.node.kind === 'const' && path.node.declarations.length === 1;
}

/**
 * The first row, with undefined for null. In TypeScript, `!` gives it the
 * type `rows[0]` had (the row, not `row | undefined`), so reads of its fields
 * still compile; at run time an empty result is undefined, as before.
 */
function kept(ctx: RuleContext, first: string, typed = true): string {
  return isTypeScript(ctx) && typed ? `((await ${first}) ?? undefined)!` : `(await ${first}) ?? undefined`;
}

function isTypeScript(ctx: RuleContext): boolean {
  return /\.[cm]?tsx?$/.test(ctx.filePath);
}


/** The right of `??` cannot be a bare `||`/`&&` expression, nor anything looser. */
function parenthesizeForNullish(text: string, el: Node): string {
  const right = el.type === 'AssignmentPattern' ? el.right : undefined;
  if (!right) return text;
  const loose = ['LogicalExpression', 'ConditionalExpression', 'AssignmentExpression', 'SequenceExpression', 'ArrowFunctionExpression', 'YieldExpression'];
  const parenthesized = (right as { extra?: { parenthesized?: boolean } }).extra?.parenthesized === true;
  return loose.includes(right.type) && !parenthesized ? `(${text})` : text;
}

function replaceNode(node: Node, text: string): TextEdit {
  return { start: node.start ?? 0, end: node.end ?? 0, text };
}

/** `users` -> `user`, `rows` -> `row`; anything else as it is. */
function singular(name: string): string {
  if (/[^su]s$/.test(name) && name.length > 2) return name.replace(/ies$/, 'y').replace(/s$/, '');
  return name;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const rule: Rule = {
  meta: {
    id,
    description: 'Using only the first loaded row becomes a query for that row.',
    tier: 'safe',
    declines: [
      '`.at(-1)`, `rows[rows.length - 1]`, `.findLast(pred)` where the dialect cannot reverse the order exactly: finding',
      '`[1]`, `[i]`, destructuring more than the first row, rows used for anything else',
    ],
  },
  apply,
};

export default toJscodeshift(rule);
