/**
 * reduce-to-aggregate: sums, minima and maxima computed by the database.
 *
 * Matches a whole-table load whose rows have one use, a sum or an extremum of
 * one number field:
 *   (await load(a)).reduce((s, r) => s + r.f, 0)
 *       -> (await sum(a, f)) ?? 0                    (the dialect's aggregate, null for no rows)
 *   rows.reduce((s, r) => s + (r.f ?? 0), 10)       -> 10 + (... ?? 0)
 *   rows.map((r) => r.f).reduce((a, b) => a + b, 0) -> the same as the first
 *   Math.max(...rows.map((r) => r.f))              -> (await max(a, f)) ?? -Infinity
 *   Math.min(...rows.map(({ f }) => f))            -> ... ?? Infinity
 * With a binding (`const rows = await load(a)`), the declaration holds
 * the aggregate under a fresh name (`totalViews`) and the use reads it, so the
 * query runs where the load did.
 *
 * Several uses of one binding, each a sum, min, max, `rows.length` or
 * `sum / rows.length`, become one query (the dialect's `aggregates`):
 *   const rows = await load(a); const t = rows.reduce(...); const m = Math.max(...rows.map(...));
 *       -> const rowsAggregate = await aggregates(a, [sum f, max f]); const t = rowsAggregate.<sum> ?? 0; ...
 *   rows.reduce((s, r) => s + r.f, 0) / rows.length -> <avg> ?? NaN   (0 / 0 is NaN; AVG of no rows null)
 * The average is asked only when the sum starts at 0 and `f` is never NULL:
 * a NULL row counts in `rows.length` but not in AVG, so otherwise the sum
 * and the count are read apart (`(<sum> ?? 0) / <count>`), which is exact.
 * The rows of a `.then` callback or a `Promise.all` element get the aggregate
 * as a promise (`q.then((result) => result._sum.f ?? 0)`, lib/analysis/rebind.ts).
 *
 * Why it is the same: for numbers `s + null === s`, so the loop adds what SUM
 * adds (SUM skips NULLs); no rows or only NULLs give the initial value, and
 * the aggregate's null becomes that value. `Math.max()` is -Infinity and
 * `Math.min()` Infinity, kept for no rows. But Math.max/min read NULL as 0,
 * so they are only rewritten for non-nullable fields.
 *
 * Tier: review for sums (the database adds floats in another order); safe for
 * min and max (the dialect may ask for review, e.g. floats where NaN ranks
 * apart). Declines, with a finding, what the dialect cannot say (no facts,
 * decimal or bigint fields, distinct rows, unreadable arguments) and min/max
 * over a nullable field, and several aggregates of one load when the
 * dialect has no one query for them. Leaves alone, silently, a reduce with
 * no initial value or a body that is not `acc + row.field`, and rows with
 * other uses.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, Node } from '@babel/types';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { asPromise, isPromised, rebindable, rebindEdits, replaceThen, thenReturningOnly } from '../lib/analysis/rebind.js';
import { classifyResultUse, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { AggregateOp, AggregatePart, Load } from '../lib/orm/core/types.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';
import { replaceExpression } from '../lib/precedence.js';
import { freshIdentifier } from '../lib/text.js';

const id = 'reduce-to-aggregate';

/** What the rows are reduced to, and where that expression is. */
interface Reduction {
  op: AggregateOp;
  field: string;
  /** The expression the aggregate replaces: the reduce call or the Math.max call. */
  target: NodePath<CallExpression>;
  /** The value when there are no rows (or, for a sum, only NULLs), as source text. */
  init: string;
}

function apply(ctx: RuleContext): void {
  const taken = new Set<string>();
  for (const load of findWholeTableLoads(ctx)) {
    if (!load.dialect.aggregate) continue;
    const result = classifyResultUse(load);
    if (result.shape === 'binding' && result.site.kind === 'declarator' && result.uses.length > 1) {
      several(ctx, load, result, taken);
      continue;
    }
    const use = singleUse(result);
    if (!use) continue;
    const reduction = asReduction(use);
    if (!reduction) continue;
    const what = describe(reduction);
    if (reduction.op !== 'sum') {
      const field = load.dialect.model?.(load, ctx)?.fields.get(reduction.field);
      if (field?.nullable) {
        reportLoad(
          ctx,
          load,
          `${what} of a whole-table load: \`${reduction.field}\` is nullable, and Math.${reduction.op} reads NULL as 0 while the database skips NULLs. Fix: ${load.dialect.messages.aggregateByHand(reduction.op)}.`,
          { messageId: 'nullable-extremum' },
        );
        continue;
      }
    }
    const emit = load.dialect.aggregate(load, ctx, reduction.op, reduction.field);
    if (!emit.ok) {
      reportLoad(ctx, load, `${what} of a whole-table load: ${emit.reason}. Fix: ${emit.suggestion}.`, { messageId: 'cannot-aggregate' });
      continue;
    }
    const value = valueText(reduction, emit.code);
    const edits =
      result.shape === 'direct'
        ? directEdits(ctx, reduction, value)
        : isPromised(result)
          ? promisedEdits(ctx, load, result, reduction, value, taken)
          : bindingEdits(ctx, result as BindingResult, reduction, value, taken);
    if (!edits) continue;
    const why =
      reduction.op === 'sum'
        ? `the database sums \`${reduction.field}\` over the same rows (SUM skips NULLs, as \`s + null\` does for numbers); no rows or only NULLs give ${reduction.init}`
        : `the database finds the ${reduction.op} of \`${reduction.field}\` (not nullable) over the same rows; no rows give ${reduction.init}, as Math.${reduction.op}() does`;
    const tier = emit.tier ?? 'review';
    ctx.rewrite({ node: load.call.node, tier, message: emit.note ? `${why}. Review: ${emit.note}` : why, edits, imports: emit.imports });
  }
}

type BindingResult = Extract<LoadResult, { shape: 'binding' }>;

/** One value the rows serve when they serve several: a reduction, the row count, or a sum divided by the count. */
type Served =
  | { kind: 'reduction'; reduction: Reduction }
  | { kind: 'count'; target: NodePath }
  | { kind: 'avg'; field: string; target: NodePath };

/**
 * `const rows = await load(a)` whose every use is a sum, min, max, `.length`
 * or `sum / rows.length`: one query for all of them, held under a fresh name
 * where the rows were, each use reading its part.
 */
function several(ctx: RuleContext, load: Load, result: BindingResult, taken: Set<string>): void {
  const served = servedValues(load, ctx, result);
  if (!served || !served.some((v) => v.kind !== 'count')) return;
  const parts: AggregatePart[] = served.map((v) => (v.kind === 'reduction' ? { op: v.reduction.op, field: v.reduction.field } : v.kind === 'avg' ? { op: 'avg', field: v.field } : { op: 'count' }));
  const what = listed(parts.map(describePart));
  for (const v of served) {
    if (v.kind !== 'reduction' || v.reduction.op === 'sum') continue;
    const { op, field } = v.reduction;
    if (load.dialect.model?.(load, ctx)?.fields.get(field)?.nullable) {
      reportLoad(ctx, load, `${what} of a whole-table load: \`${field}\` is nullable, and Math.${op} reads NULL as 0 while the database skips NULLs. Fix: ${load.dialect.messages.aggregateByHand(op)}.`, { messageId: 'nullable-extremum' });
      return;
    }
  }
  const firstOp = parts.map((p) => p.op).find((op): op is AggregateOp => op === 'sum' || op === 'min' || op === 'max');
  const byHand = load.dialect.messages.aggregateByHand(firstOp ?? 'sum');
  if (!load.dialect.aggregates) {
    reportLoad(ctx, load, `${what} of a whole-table load: the rows serve only these aggregates, but pushdown cannot ask this ORM for them in one query. Fix: ${byHand}, once per aggregate.`, { messageId: 'several-aggregates-by-hand' });
    return;
  }
  const emit = load.dialect.aggregates(load, ctx, parts);
  if (!emit.ok) {
    reportLoad(ctx, load, `${what} of a whole-table load: ${emit.reason}. Fix: ${emit.suggestion}.`, { messageId: 'cannot-aggregate' });
    return;
  }
  const { site } = result;
  if (site.kind !== 'declarator' || !site.declarator.node.init) return;
  const holder = freshIdentifier(ctx.ast, `${result.name}Aggregate`, taken);
  taken.add(holder);
  const init = site.declarator.node.init;
  const edits: TextEdit[] = [
    { start: site.id.node.start ?? 0, end: site.id.node.end ?? 0, text: holder },
    { start: init.start ?? 0, end: init.end ?? 0, text: emit.query },
  ];
  served.forEach((v, i) => {
    const read = emit.read(i, holder);
    if (v.kind === 'reduction') edits.push(replaceExpression(ctx, v.reduction.target, valueText(v.reduction, read)));
    else if (v.kind === 'avg') edits.push(replaceExpression(ctx, v.target, `${read} ?? NaN`));
    else edits.push(replaceExpression(ctx, v.target, read));
  });
  const kept = served.map((v) => (v.kind === 'reduction' ? v.reduction.init : v.kind === 'avg' ? 'NaN, as 0 / 0' : '0')).filter((x): x is string => x !== undefined);
  const why = `the database computes ${what} over the same rows (SUM, MIN, MAX and AVG skip NULLs, as \`s + null\` does for numbers); no rows give what the JavaScript gave (${listed([...new Set(kept)])})`;
  const tier = emit.tier ?? 'review';
  ctx.rewrite({ node: load.call.node, tier, message: emit.note ? `${why}. Review: ${emit.note}` : why, edits, imports: emit.imports });
}

/**
 * What each use of the rows serves, or undefined when one use is anything
 * else. `sum / rows.length` is an average when the sum starts at 0 and the
 * field is not nullable (a NULL row counts in `rows.length` but not in AVG);
 * otherwise the sum and the count are read apart, which is exact.
 */
function servedValues(load: Load, ctx: RuleContext, result: BindingResult): Served[] | undefined {
  const reductions: Reduction[] = [];
  const lengths: NodePath[] = [];
  for (const use of result.uses) {
    if (use.kind === 'length') {
      lengths.push(use.path);
      continue;
    }
    const r = asReduction(use);
    if (!r) return undefined;
    reductions.push(r);
  }
  const served: Served[] = [];
  const paired = new Set<NodePath>();
  for (const r of reductions) {
    const division = r.target.parentPath;
    const length = division?.isBinaryExpression({ operator: '/' }) && division.node.left === r.target.node ? lengths.find((l) => division.node.right === l.node) : undefined;
    if (division && length && r.op === 'sum' && Number(r.init) === 0 && load.dialect.model?.(load, ctx)?.fields.get(r.field)?.nullable === false) {
      paired.add(length);
      served.push({ kind: 'avg', field: r.field, target: division });
    } else {
      served.push({ kind: 'reduction', reduction: r });
    }
  }
  for (const l of lengths) if (!paired.has(l)) served.push({ kind: 'count', target: l });
  return served;
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describePart(p: AggregatePart): string {
  if (p.op === 'count') return 'the row count';
  if (p.op === 'avg') return `the average of \`${p.field}\``;
  return p.op === 'sum' ? `the sum of \`${p.field}\`` : `the ${p.op} of \`${p.field}\``;
}

function singleUse(result: LoadResult): Use | undefined {
  if (result.shape === 'direct') return result.use;
  if (result.shape === 'binding' && (result.site.kind === 'declarator' || (isPromised(result) && rebindable(result))) && result.uses.length === 1) return result.uses[0];
  return undefined;
}

function describe(r: Reduction): string {
  return r.op === 'sum' ? `a sum of \`${r.field}\`` : `Math.${r.op} of \`${r.field}\``;
}

/** The aggregate with its null replaced: `x ?? 0`, `10 + (x ?? 0)`, `x ?? -Infinity`. */
function valueText(r: Reduction, aggregate: string): string {
  if (r.op !== 'sum' || Number(r.init) === 0) return `${aggregate} ?? ${r.op === 'sum' ? '0' : r.init}`;
  return `${r.init} + (${aggregate} ?? 0)`;
}

function asReduction(use: Use): Reduction | undefined {
  if (use.kind !== 'method') return undefined;
  if (use.name === 'reduce') return sumReduction(use.path);
  if (use.name === 'map') return extremum(use.path) ?? chainedSum(use.path);
  return undefined;
}

/** `rows.map((r) => r.f).reduce((a, b) => a + b, N)`: the map call is `call`. */
function chainedSum(call: NodePath<CallExpression>): Reduction | undefined {
  if (call.node.type !== 'CallExpression' || call.node.arguments.length !== 1) return undefined;
  const mapper = call.node.arguments[0];
  if ((mapper.type !== 'ArrowFunctionExpression' && mapper.type !== 'FunctionExpression') || mapper.async || mapper.generator || mapper.params.length !== 1) return undefined;
  const mapped = returned(mapper.body);
  if (!mapped) return undefined;
  const field = fieldOfRow(call.get('arguments.0') as NodePath, mapper.params[0], stripNullishZero(mapped));
  if (!field) return undefined;
  const member = call.parentPath;
  const reduce = member?.parentPath;
  if (!member?.isMemberExpression() || member.node.object !== call.node || member.node.computed) return undefined;
  if (member.node.property.type !== 'Identifier' || member.node.property.name !== 'reduce') return undefined;
  if (!reduce?.isCallExpression() || reduce.node.callee !== member.node || reduce.node.arguments.length !== 2) return undefined;
  const [adder, init] = reduce.node.arguments;
  if (!isNumberLiteral(init) || (adder.type !== 'ArrowFunctionExpression' && adder.type !== 'FunctionExpression') || adder.async || adder.generator) return undefined;
  const [a, b] = adder.params;
  const body = returned(adder.body);
  if (adder.params.length !== 2 || a.type !== 'Identifier' || b.type !== 'Identifier' || !body || body.type !== 'BinaryExpression' || body.operator !== '+') return undefined;
  const names = [body.left, body.right].map((e) => (e.type === 'Identifier' ? e.name : undefined));
  if (!(names[0] === a.name && names[1] === b.name) && !(names[0] === b.name && names[1] === a.name)) return undefined;
  const scope = (reduce.get('arguments.0') as NodePath).scope;
  if (scope.getBinding(a.name)?.references !== 1 || scope.getBinding(b.name)?.references !== 1) return undefined;
  return { op: 'sum', field, target: reduce, init: textOfNumber(init) };
}

/** `rows.reduce((s, r) => s + r.f, N)` with N a number literal. */
function sumReduction(call: NodePath<CallExpression>): Reduction | undefined {
  const [cb, init] = call.node.arguments;
  if (call.node.type !== 'CallExpression' || call.node.arguments.length !== 2 || !init || !isNumberLiteral(init)) return undefined;
  if (cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression') return undefined;
  if (cb.async || cb.generator || cb.params.length !== 2) return undefined;
  const [acc, row] = cb.params;
  if (acc.type !== 'Identifier') return undefined;
  const body = returned(cb.body);
  if (!body || body.type !== 'BinaryExpression' || body.operator !== '+') return undefined;
  const [left, right] = [body.left, body.right];
  const accSide = left.type === 'Identifier' && left.name === acc.name ? right : right.type === 'Identifier' && right.name === acc.name ? left : undefined;
  if (!accSide || accSide.type === 'PrivateName') return undefined;
  const field = fieldOfRow(call.get('arguments.0') as NodePath, row, stripNullishZero(accSide));
  if (!field) return undefined;
  const cbPath = call.get('arguments.0') as NodePath;
  if (cbPath.scope.getBinding(acc.name)?.references !== 1) return undefined;
  return { op: 'sum', field, target: call, init: textOfNumber(init) };
}

/** `Math.max(...rows.map((r) => r.f))`: the map call is `call`. */
function extremum(call: NodePath<CallExpression>): Reduction | undefined {
  if (call.node.type !== 'CallExpression' || call.node.arguments.length !== 1) return undefined;
  const spread = call.parentPath;
  const outer = spread?.parentPath;
  if (!spread?.isSpreadElement() || !outer?.isCallExpression() || outer.node.arguments.length !== 1 || outer.node.arguments[0] !== spread.node) return undefined;
  const callee = outer.node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.object.name !== 'Math' || callee.property.type !== 'Identifier') return undefined;
  if (outer.scope.getBinding('Math')) return undefined;
  const op = callee.property.name;
  if (op !== 'max' && op !== 'min') return undefined;
  const cb = call.node.arguments[0];
  if ((cb.type !== 'ArrowFunctionExpression' && cb.type !== 'FunctionExpression') || cb.async || cb.generator || cb.params.length !== 1) return undefined;
  const body = returned(cb.body);
  if (!body) return undefined;
  const field = fieldOfRow(call.get('arguments.0') as NodePath, cb.params[0], stripTypeOnly(body));
  if (!field) return undefined;
  return { op, field, target: outer, init: op === 'max' ? '-Infinity' : 'Infinity' };
}

/** The expression a callback returns: an expression body, or a block of one `return`. */
function returned(body: Node): Expression | undefined {
  if (body.type !== 'BlockStatement') return body as Expression;
  if (body.body.length === 1 && body.body[0].type === 'ReturnStatement' && body.body[0].argument) return body.body[0].argument;
  return undefined;
}

/** `r.f ?? 0` reads as `r.f`: for numbers, adding 0 is adding null. Type-only wrappers (`r.f!`, `r.f as number`) change nothing at run time. */
function stripNullishZero(e: Expression): Expression {
  const x = stripTypeOnly(e);
  if (x.type === 'LogicalExpression' && x.operator === '??' && x.right.type === 'NumericLiteral' && x.right.value === 0) return stripTypeOnly(x.left);
  return x;
}

function stripTypeOnly(e: Expression): Expression {
  let x = e;
  while (x.type === 'ParenthesizedExpression' || x.type === 'TSNonNullExpression' || x.type === 'TSAsExpression' || x.type === 'TSSatisfiesExpression') x = x.expression;
  return x;
}

/** The field `expr` reads from the row parameter (`r.f`, or `f` from `({ f })`), when the row is used for nothing else. */
function fieldOfRow(cb: NodePath, row: Node, expr: Expression): string | undefined {
  if (row.type === 'Identifier') {
    if (expr.type !== 'MemberExpression' && expr.type !== 'OptionalMemberExpression') return undefined;
    if (expr.object.type !== 'Identifier' || expr.object.name !== row.name) return undefined;
    const name = !expr.computed && expr.property.type === 'Identifier' ? expr.property.name : expr.computed && expr.property.type === 'StringLiteral' ? expr.property.value : undefined;
    if (name === undefined || cb.scope.getBinding(row.name)?.references !== 1) return undefined;
    return name;
  }
  if (row.type === 'ObjectPattern' && row.properties.length === 1) {
    const p = row.properties[0];
    if (p.type !== 'ObjectProperty' || p.computed || p.value.type !== 'Identifier') return undefined;
    const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (name === undefined || expr.type !== 'Identifier' || expr.name !== p.value.name || cb.scope.getBinding(p.value.name)?.references !== 1) return undefined;
    return name;
  }
  return undefined;
}

function isNumberLiteral(n: Node): boolean {
  if (n.type === 'NumericLiteral') return true;
  return n.type === 'UnaryExpression' && n.operator === '-' && n.argument.type === 'NumericLiteral';
}

function textOfNumber(n: Node): string {
  if (n.type === 'NumericLiteral') return (n.extra as { raw?: string } | undefined)?.raw ?? String(n.value);
  if (n.type === 'UnaryExpression' && n.argument.type === 'NumericLiteral') return `-${textOfNumber(n.argument)}`;
  return '0';
}

/** `(await load(a)).reduce(...)`: the reduce (or Math.max) call becomes the aggregate. */
function directEdits(ctx: RuleContext, r: Reduction, value: string): TextEdit[] {
  return [replaceExpression(ctx, r.target, value)];
}

/** `const rows = await load(a)` holds the aggregate under a fresh name; the use reads it. */
function bindingEdits(ctx: RuleContext, result: BindingResult, r: Reduction, value: string, taken: Set<string>): TextEdit[] | undefined {
  const { site } = result;
  if (site.kind !== 'declarator') return undefined;
  const init = site.declarator.node.init;
  if (!init) return undefined;
  const name = aggregateName(ctx, r, taken);
  return [
    { start: site.id.node.start ?? 0, end: site.id.node.end ?? 0, text: name },
    { start: init.start ?? 0, end: init.end ?? 0, text: value },
    { start: r.target.node.start ?? 0, end: r.target.node.end ?? 0, text: name },
  ];
}

/**
 * The rows of a `.then` callback or a `Promise.all` element: the aggregate,
 * as a promise, where the load was; a callback that returns only the
 * reduction becomes that promise.
 */
function promisedEdits(ctx: RuleContext, load: Load, result: BindingResult, r: Reduction, value: string, taken: Set<string>): TextEdit[] {
  const then = thenReturningOnly(result, r.target);
  if (then) return [replaceThen(load, then, asPromise(ctx, value))];
  const name = aggregateName(ctx, r, taken);
  return [...rebindEdits(load, result, asPromise(ctx, value), name), { start: r.target.node.start ?? 0, end: r.target.node.end ?? 0, text: name }];
}

/** `totalViews`, `maxAge`: a fresh name (names this pass already gave are taken too: the tree does not have them yet). */
function aggregateName(ctx: RuleContext, r: Reduction, taken: Set<string>): string {
  const cap = r.field.charAt(0).toUpperCase() + r.field.slice(1);
  const name = freshIdentifier(ctx.ast, r.op === 'sum' ? `total${cap}` : `${r.op}${cap}`, taken);
  taken.add(name);
  return name;
}

export const rule: Rule = {
  meta: {
    id,
    description: 'Sums, minima, maxima and averages of a number field over loaded rows become an aggregate query (several of one load: one query).',
    tier: 'review',
    declines: [
      'Math.max/min over a nullable field (Math reads NULL as 0): finding',
      'reduce with no initial value or a body other than acc + row.field',
      'rows used for anything besides sums, extrema, `.length` and `sum / rows.length`',
      'several aggregates of one load where the ORM offers no one query for them: finding',
    ],
  },
  apply,
  // Every reduction it reads is a `.reduce(...)`, or a `Math.max` / `Math.min` of a map (asReduction).
  words: ['reduce', 'Math'],
};

export default toJscodeshift(rule);
