/**
 * filter-to-where: filter rows in the database, not after loading them.
 *
 * Matches a whole-table load filtered right away by a predicate that is a
 * conjunction of field tests:
 *   (await load(a)).filter((u) => u.active && u.age >= 30)
 *     -> await load(a narrowed by active = true and age >= 30)   (the dialect's narrow)
 *   const rows = await load(a); const active = rows.filter(p);   (the rows' only use)
 *     -> const active = await load(a');
 *   load(a).then((rows) => rows.filter(p))                      -> load(a')
 *   const [rows, n] = await Promise.all([load(a), ...]); const active = rows.filter(p);
 *     -> const [active, n] = await Promise.all([load(a'), ...]);
 * Field tests (lib/analysis/predicate.ts): `===` against a literal, null or a
 * name/member chain; `!==`; `<`, `<=`, `>`, `>=`; a bare boolean field, or its
 * negation; the dialect says which it can express for which field types. A
 * chain of `.filter`s merges as one. The new condition joins the load's
 * existing filter. It runs first in the registry, so `.filter(p).length` then
 * becomes a count with that filter, and `.filter(p).length > 0` an existence query.
 *
 * Tier: review. The database, not JavaScript, now compares: strings follow the
 * collation (MySQL `_ci` ignores case) where JavaScript compares code units.
 *
 * Declines, with a finding: a cap, an offset or distinct rows (the database
 * applies them before its filter, the JavaScript filter ran after), a compared
 * value that may be undefined, comparisons the database makes differently
 * (nullable fields, object-valued types: the dialect says), `||`, calls.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression } from '@babel/types';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { readPredicate, type FieldTest } from '../lib/analysis/predicate.js';
import { isPromised, replaceThen, thenReturningOnly } from '../lib/analysis/rebind.js';
import { classifyResultUse, type LoadResult } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import { replaceExpression } from '../lib/precedence.js';
import { removeStatement } from '../lib/statements.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';

const id = 'filter-to-where';
const MESSAGE = 'the filter is now a where clause: check that the database compares these fields as JavaScript did; fewer rows are loaded';

function apply(ctx: RuleContext): void {
  for (const load of findWholeTableLoads(ctx)) {
    if (!load.dialect.narrow) continue;
    const result = classifyResultUse(load);
    let first: NodePath<CallExpression>;
    let binding: BindingResult | undefined;
    if (result.shape === 'direct' && result.use.kind === 'method' && result.use.name === 'filter') first = result.use.path;
    else if (result.shape === 'binding' && (result.site.kind === 'declarator' || isPromised(result)) && result.uses.length === 1 && result.uses[0].kind === 'method' && result.uses[0].name === 'filter') {
      first = result.uses[0].path;
      binding = result;
    } else continue;
    let call: NodePath<CallExpression> | undefined = first;
    let last: NodePath<CallExpression> | undefined;
    const tests: FieldTest[] = [];
    while (call && filterCall(call)) {
      // With a binding the query stays where the rows were loaded, so the predicate's values are read there.
      const read = readPredicate(call.get('arguments.0') as NodePath, { evaluatedAt: binding ? load.call : undefined });
      if (!read.ok) {
        if (!last) {
          if (read.join) reportLoad(ctx, load, `\`.filter(...)\` over every loaded row: the predicate reads \`${read.join}\` of an enclosing loop or callback, so it is a join, not a where clause. Fix: load the rows for every \`${read.join}\` at once with an \`in\` query on the joined field (one query instead of one per item), and match them in memory.`, { messageId: 'join-predicate' });
          else reportLoad(ctx, load, `\`.filter(...)\` over every loaded row: the predicate cannot become a where clause because ${read.reason}. Fix: move the condition into where by hand, or keep the filter if it cannot be said in SQL.`, { messageId: 'predicate-not-where' });
        }
        break;
      }
      tests.push(...read.tests);
      last = call;
      call = nextFilter(call);
    }
    if (!last) continue;
    const narrowed = load.dialect.narrow(load, ctx, tests);
    if (!narrowed.ok) {
      reportLoad(ctx, load, `\`.filter(...)\` over every loaded row: ${narrowed.reason}. Fix: ${narrowed.suggestion}.`, { messageId: 'cannot-narrow' });
      continue;
    }
    const message = MESSAGE + (narrowed.note ? `; ${narrowed.note}` : '');
    const then = binding && thenReturningOnly(binding, last);
    const edits = then
      ? [replaceThen(load, then, narrowed.code)]
      : binding
        ? bindingEdits(ctx, load.call, binding, last, narrowed.code)
        : [replaceExpression(ctx, last, `await ${narrowed.code}`)];
    ctx.rewrite({ node: load.call.node, imports: narrowed.imports, tier: narrowed.tier ?? 'review', message, edits });
  }
}

type BindingResult = Extract<LoadResult, { shape: 'binding' }>;

/**
 * `const rows = await load(a); const active = rows.filter(p);` -> `const active = await load(a');`
 * when both are single const declarations in one block; otherwise the filter
 * call becomes the binding itself: `return rows.filter(p)` -> `return rows`
 * (so also for the rows of a `.then` callback or a `Promise.all` element).
 */
function bindingEdits(ctx: RuleContext, loadCall: NodePath<CallExpression>, binding: BindingResult, last: NodePath<CallExpression>, code: string): TextEdit[] {
  const edits: TextEdit[] = [replaceExpression(ctx, loadCall, code)];
  if (binding.site.kind === 'then-param') {
    edits.push({ start: last.node.start ?? 0, end: last.node.end ?? 0, text: binding.name });
    return edits;
  }
  const site = binding.site;
  const holder = last.parentPath;
  const statement = holder?.parentPath;
  const loadStatement = site.declarator.parentPath;
  const adoptable =
    holder?.isVariableDeclarator() &&
    holder.node.init === last.node &&
    holder.node.id.type === 'Identifier' &&
    !holder.node.id.typeAnnotation &&
    statement?.isVariableDeclaration() &&
    statement.node.kind === 'const' &&
    statement.node.declarations.length === 1 &&
    loadStatement?.isVariableDeclaration() &&
    loadStatement.node.declarations.length === 1 &&
    (site.kind === 'declarator' || loadStatement.node.kind === 'const') &&
    statement.parentPath === loadStatement.parentPath;
  if (!adoptable || !holder?.isVariableDeclarator() || holder.node.id.type !== 'Identifier' || !statement || !loadStatement?.isVariableDeclaration()) {
    edits.push({ start: last.node.start ?? 0, end: last.node.end ?? 0, text: binding.name });
    return edits;
  }
  const idStart = site.id.node.start ?? 0;
  edits.push({ start: idStart, end: idStart + binding.name.length, text: holder.node.id.name });
  if (loadStatement.node.kind !== 'const') {
    const start = loadStatement.node.start ?? 0;
    edits.push({ start, end: start + loadStatement.node.kind.length, text: 'const' });
  }
  edits.push(removeStatement(ctx.source, statement.node));
  return edits;
}

/** `x.filter(fn)` with exactly one argument. */
function filterCall(call: NodePath<CallExpression>): boolean {
  const { callee, arguments: args } = call.node;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'filter' && args.length === 1;
}

/** `call.filter(fn)`: the next filter in a chain. */
function nextFilter(call: NodePath<CallExpression>): NodePath<CallExpression> | undefined {
  const member = call.parentPath;
  if (!member?.isMemberExpression() || member.node.object !== call.node) return undefined;
  const next = member.parentPath;
  if (!next?.isCallExpression() || next.node.callee !== member.node) return undefined;
  return next;
}

export const rule: Rule = {
  meta: {
    id,
    description: 'Filtering loaded rows with a field-test predicate becomes a where clause.',
    tier: 'review',
    declines: [
      'a compared value that may be undefined: finding',
      '||, function calls, nested fields: finding',
    ],
  },
  apply,
  // It starts only from a `.filter(...)` of the rows.
  words: ['filter'],
};

export default toJscodeshift(rule);
