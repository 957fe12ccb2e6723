/**
 * length-check-to-exists: "are there any rows?", asked of the database.
 *
 * Matches a whole-table load whose rows are only tested for emptiness:
 *   (await load(a)).length > 0      -> await exists(a)          (the dialect's existence test, with its own await)
 *   (await load(a)).length === 0, < 1, !(...).length, Boolean(...), if ((...).length) ...
 *   const users = await load(a); if (!users.length) ...
 *                                   -> const hasUsers = await exists(a); if (!hasUsers) ...
 *   (await load(a)).some((u) => u.email === email)
 *                                   -> email !== undefined && await exists(a narrowed by email)
 *   const users = await load(a); if (users.find((u) => u.age > 40)) ...   (its only use)
 *                                   -> const hasMatchingUsers = ...; if (hasMatchingUsers) ...
 *   const users = await load(a); const taken = users.some(p);
 *                                   -> const taken = await exists(...);
 *   (await load(a)).map((u) => u.email).includes(email), new Set(rows.map((u) => u.id)).has(id)
 *                                   -> the same as `.some((u) => u.email === email)`: includes and
 *                                      Set#has compare with SameValueZero, which differs from `===`
 *                                      only for NaN, so float fields are declined
 *   const users = await load(a); const x = users.some(p); const y = !users.some(q);
 *                                   -> one existence query per predicate (and one for plain
 *                                      emptiness tests), each declared where the rows were loaded
 *                                      (`hasMatchingUsers`, `hasMatchingUsers2`); if one predicate
 *                                      cannot be said, none is rewritten
 *   const ids = rows.map((u) => u.id); ... ids.includes(id)   (the list serves only that test)
 *                                   -> the same, asked where the rows were loaded; the list's declaration goes
 *   load(a).then((rows) => rows.length > 0)  -> a promise of the existence test (lib/analysis/rebind.ts)
 *   const [users, posts] = await Promise.all([load(a), ...]); if (users.length) ...
 *                                   -> const [hasUsers, posts] = await Promise.all([<exists as a promise>, ...]); ...
 * Comparisons of the length with other literals (`users.length === 1`, `> 2`)
 * become a count capped at what the comparison needs (`boundedCount(a, 2) === 1`).
 * The query stays where the rows were loaded; the receiver is unchanged.
 * A multi-line filter keeps its lines; a declaration's multi-line
 * test then starts on the line after `=`, one level deeper.
 * Order, distinct rows, projections and a positive cap never make a non-empty
 * result empty, so the dialect may drop them from the existence query.
 *
 * Tiers: plain emptiness tests and bounded counts are safe. A predicate merged
 * into where is review: string comparison follows the database collation, and
 * a value that may be undefined is guarded (`v !== undefined && ...`).
 *
 * Declines, with a finding: what the dialect cannot ask the same way (an
 * offset: the test is about rows past it; a cap that is not a positive
 * literal; arguments it cannot read), and predicates that cannot become a
 * where clause (`||`, calls, comparisons the dialect declines). Leaves alone,
 * silently: rows used for anything else (length-to-count and the other rules
 * handle those), and `.length` used as a number.
 */
import type { NodePath } from '@babel/traverse';
import type { Node, VariableDeclaration, VariableDeclarator } from '@babel/types';
import { emptinessOf, type Emptiness } from '../lib/analysis/emptiness.js';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { readMembership, readPredicate } from '../lib/analysis/predicate.js';
import { asPromise, isPromised, rebindable, rebindEdits, replaceThen, thenReturningOnly } from '../lib/analysis/rebind.js';
import { classifyResultUse, skipTransparent, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { Emit, ImportSpec, Load } from '../lib/orm/core/types.js';
import { replaceExpression } from '../lib/precedence.js';
import { removeStatement } from '../lib/statements.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';
import { freshIdentifier, indentAt, reindent } from '../lib/text.js';

const id = 'length-check-to-exists';
const SAFE = 'an existence query answers the emptiness test: the database stops at the first matching row and nothing is loaded';
const BOUNDED = 'the length is only compared with a literal, so a count capped just above it gives the same answer; nothing is loaded';
const REVIEW = 'the JavaScript predicate is now a where clause: check that the database compares these fields as JavaScript did';

type BindingResult = Extract<LoadResult, { shape: 'binding' }>;

/** One emptiness question asked of the rows, and the node whose value answers it. */
interface Question {
  use: Use;
  answer: Emptiness;
  /** `.some(pred)` / `.find(pred)`: the predicate function. */
  predicate?: NodePath;
  /**
   * `rows.map((r) => r.f).includes(v)`, `new Set(rows.map(...)).has(v)`: the map callback and the tested value;
   * `declaration`: the `const ids = rows.map(...)` that held the list, when the test is `ids.includes(v)`.
   */
  membership?: { mapper: NodePath; value: NodePath; method: string; declaration?: NodePath<VariableDeclaration> };
}

function apply(ctx: RuleContext): void {
  for (const load of findWholeTableLoads(ctx)) {
    const result = classifyResultUse(load);
    if (result.shape === 'direct') direct(ctx, load, result.use);
    else if (result.shape === 'binding' && (result.site.kind === 'declarator' || isPromised(result))) bound(ctx, load, result);
  }
}

function question(use: Use): Question | null {
  if (use.kind === 'length') {
    const answer = emptinessOf(use.path, 'length');
    return answer ? { use, answer } : null;
  }
  if (use.kind === 'method' && (use.name === 'some' || use.name === 'find')) {
    const args = use.path.get('arguments') as NodePath[];
    if (args.length !== 1) return null;
    const answer = emptinessOf(use.path, use.name === 'some' ? 'boolean' : 'element');
    return answer ? { use, answer, predicate: args[0] } : null;
  }
  if (use.kind === 'method' && use.name === 'map') {
    const m = membershipOf(use.path);
    if (!m) return null;
    const answer = emptinessOf(m.test, 'boolean');
    return answer ? { use, answer, membership: { mapper: m.mapper, value: m.value, method: m.method, declaration: m.declaration } } : null;
  }
  return null;
}

/**
 * `rows.map(cb).includes(v)` or `new Set(rows.map(cb)).has(v)`, with `map`
 * the call given: the membership test's call, the callback and the value.
 * Also through a list that serves only that test, `const ids = rows.map(cb);
 * ... ids.includes(v)` (its declaration is returned: it goes with the rows).
 */
function membershipOf(map: NodePath): { test: NodePath; mapper: NodePath; value: NodePath; method: string; declaration?: NodePath<VariableDeclaration> } | undefined {
  if (!map.isCallExpression() || map.node.arguments.length !== 1) return undefined;
  const mapper = map.get('arguments.0') as NodePath;
  let holder: NodePath = skipTransparent(map);
  let list = listDeclaration(holder);
  if (list === null) return undefined;
  if (list) holder = skipTransparent(list.reference);
  let method = 'includes';
  const parent = holder.parentPath;
  if (parent?.isNewExpression() && parent.node.arguments.length === 1 && parent.node.arguments[0] === holder.node) {
    const callee = parent.node.callee;
    if (callee.type !== 'Identifier' || callee.name !== 'Set' || parent.scope.getBinding('Set')) return undefined;
    holder = skipTransparent(parent);
    method = 'has';
    // `const known = new Set(rows.map(cb)); ... known.has(v)`
    const set = list ? undefined : listDeclaration(holder);
    if (set === null) return undefined;
    if (set) {
      list = set;
      holder = skipTransparent(set.reference);
    }
  }
  const member = holder.parentPath;
  if (!member?.isMemberExpression() || member.node.object !== holder.node || member.node.computed) return undefined;
  const prop = member.node.property;
  if (prop.type !== 'Identifier' || prop.name !== method) return undefined;
  const call = member.parentPath;
  if (!call?.isCallExpression() || call.node.callee !== member.node || call.node.arguments.length !== 1 || call.node.arguments[0].type === 'SpreadElement') return undefined;
  return { test: call, mapper, value: call.get('arguments.0') as NodePath, method, declaration: list?.declaration };
}

/**
 * `const ids = <list>;` (one const-like declarator in a block, never
 * reassigned, not exported) whose one reference is the list's only use: that
 * reference. undefined: the list is not declared; null: it is, but serves more.
 */
function listDeclaration(list: NodePath): { declaration: NodePath<VariableDeclaration>; reference: NodePath } | undefined | null {
  const declarator = list.parentPath;
  if (!declarator?.isVariableDeclarator() || declarator.node.init !== list.node) return undefined;
  const declaration = declarator.parentPath;
  const id = declarator.node.id;
  if (id.type !== 'Identifier' || !declaration?.isVariableDeclaration() || declaration.node.declarations.length !== 1) return null;
  if (!(declaration.parentPath?.isBlockStatement() || declaration.parentPath?.isProgram())) return null;
  const binding = declarator.scope.getBinding(id.name);
  if (!binding || binding.path !== declarator || !binding.constant || binding.referencePaths.length !== 1) return null;
  return { declaration, reference: binding.referencePaths[0] };
}

/** `(await load(a)).length > 0` and friends: the whole test becomes the query. */
function direct(ctx: RuleContext, load: Load, use: Use): void {
  const q = question(use);
  if (!q) return;
  if (q.membership?.declaration) {
    listed(ctx, load, q, q.membership.declaration);
    return;
  }
  if (q.answer.kind === 'bounded') {
    const count = load.dialect.boundedCount?.(load, ctx, q.answer.bound);
    if (!count?.ok) return; // length-to-count counts it, or says why not
    ctx.rewrite({ node: load.call.node, imports: count.imports, tier: count.tier ?? 'safe', message: BOUNDED, edits: [replaceExpression(ctx, use.path, `await ${count.code}`)] });
    return;
  }
  const exists = existsFor(ctx, load, q, q.answer.empty);
  if (!exists) return;
  ctx.rewrite({ node: load.call.node, imports: exists.imports, tier: exists.tier ?? 'safe', message: message(exists, q), edits: [replaceExpression(ctx, q.answer.node, exists.code)] });
}

/**
 * `const ids = (await load(a)).map((r) => r.id); ... ids.includes(x)`: the
 * list's declaration holds the answer, asked where the rows were loaded.
 */
function listed(ctx: RuleContext, load: Load, q: Question, declaration: NodePath<VariableDeclaration>): void {
  const answer = q.answer;
  if (answer.kind !== 'emptiness') return;
  const exists = existsFor(ctx, load, q, false, load.call);
  if (!exists) return;
  const declarator = declaration.get('declarations.0') as NodePath<VariableDeclarator>;
  const edits: TextEdit[] = [initReplacement(ctx, declarator.get('init') as NodePath, exists.code)];
  // `const named = names.includes(v)` in the same block: that name holds the answer, and its declaration goes.
  const holder = answer.node.parentPath;
  const statement = holder?.parentPath;
  if (
    holder?.isVariableDeclarator() && holder.node.init === answer.node.node && holder.node.id.type === 'Identifier' && !holder.node.id.typeAnnotation &&
    statement?.isVariableDeclaration() && statement.node.kind === 'const' && statement.node.declarations.length === 1 && statement.parentPath === declaration.parentPath
  ) {
    edits.push(replaceNode(declarator.node.id, holder.node.id.name), removeStatement(ctx.source, statement.node));
    if (declaration.node.kind !== 'const') edits.push(replaceRange(declaration.node.start ?? 0, (declaration.node.start ?? 0) + declaration.node.kind.length, 'const'));
  } else {
    const value = q.membership!.value.node;
    const has = fresh(ctx, value.type === 'Identifier' ? `has${capitalize(value.name)}` : `hasMatching${capitalize((declarator.node.id as { name: string }).name)}`);
    edits.push(replaceNode(declarator.node.id, has), replaceExpression(ctx, answer.node, answer.empty ? `!${has}` : has));
  }
  ctx.rewrite({ node: load.call.node, imports: exists.imports, tier: exists.tier ?? 'review', message: message(exists, q), edits });
}

/**
 * `const rows = await load(a)` whose every use is an emptiness question; or
 * the rows of a `.then` callback or a `Promise.all` element, which then hold
 * the answer as the promise's value.
 */
function bound(ctx: RuleContext, load: Load, result: BindingResult): void {
  const { uses, name } = result;
  const promised = isPromised(result);
  if (uses.length === 0 || (promised && !rebindable(result))) return;
  const questions = uses.map(question);
  if (questions.some((q) => q === null)) return;
  const qs = questions as Question[];
  /** The binding, renamed `newName`, holds `code` (written with its own await) where it held the rows. */
  const init = promised ? undefined : ((result.site as Extract<BindingResult['site'], { kind: 'declarator' }>).declarator.get('init') as NodePath);
  const hold = (code: string, newName: string): TextEdit[] =>
    init ? [replaceNode(result.site.id.node, newName), initReplacement(ctx, init, code)] : rebindEdits(load, result, asPromise(ctx, code), newName);

  if (qs.every((q) => q.use.kind === 'length')) {
    if (qs.some((q) => q.answer.kind === 'bounded')) {
      const bound = Math.max(...qs.map((q) => (q.answer.kind === 'bounded' ? q.answer.bound : 1)));
      const count = load.dialect.boundedCount?.(load, ctx, bound);
      if (!count?.ok) return;
      const counted = fresh(ctx, `${name}Count`);
      const edits: TextEdit[] = init ? [replaceNode(result.site.id.node, counted), replaceExpression(ctx, init, `await ${count.code}`)] : hold(`await ${count.code}`, counted);
      for (const q of qs) edits.push(replaceNode(q.use.path.node, counted));
      ctx.rewrite({ node: load.call.node, imports: count.imports, tier: count.tier ?? 'safe', message: BOUNDED, edits });
      return;
    }
    if (qs.length === 1 && (thenAnswered(ctx, load, result, qs[0]) || adopt(ctx, load, result, qs[0]))) return;
    const exists = existsFor(ctx, load, qs[0], false);
    if (!exists) return;
    const has = fresh(ctx, `has${capitalize(name)}`);
    const edits: TextEdit[] = hold(exists.code, has);
    for (const q of qs) {
      const answer = q.answer as Extract<Emptiness, { kind: 'emptiness' }>;
      edits.push(replaceExpression(ctx, answer.node, answer.empty ? `!${has}` : has));
    }
    ctx.rewrite({ node: load.call.node, imports: exists.imports, tier: exists.tier ?? 'safe', message: message(exists, qs[0]), edits });
    return;
  }

  if (qs.length > 1) {
    severalQuestions(ctx, load, result, qs);
    return;
  }
  // `.some(pred)` / `.find(pred)` as the only use: the predicate joins the query where the rows were loaded.
  if (qs[0].answer.kind !== 'emptiness') return;
  const q = qs[0];
  if (thenAnswered(ctx, load, result, q, load.call) || adopt(ctx, load, result, q, load.call)) return;
  const answer = q.answer as Extract<Emptiness, { kind: 'emptiness' }>;
  const exists = existsFor(ctx, load, q, false, load.call);
  if (!exists) return;
  const has = fresh(ctx, `hasMatching${capitalize(name)}`);
  const edits: TextEdit[] = [...hold(exists.code, has), replaceExpression(ctx, answer.node, answer.empty ? `!${has}` : has), ...listRemoval(ctx, q)];
  ctx.rewrite({ node: load.call.node, imports: exists.imports, tier: exists.tier ?? 'review', message: message(exists, q), edits });
}

/**
 * `const rows = await load(a)` asked several questions, at least one of them
 * `.some(pred)` / `.find(pred)` / a membership test: one existence query per
 * predicate (and one for the plain emptiness tests), each where the rows were
 * loaded, so each predicate reads its values at the same point as before.
 * The load's statement becomes one declaration per query.
 */
function severalQuestions(ctx: RuleContext, load: Load, result: BindingResult, qs: Question[]): void {
  const { site, name } = result;
  if (site.kind !== 'declarator' || qs.some((q) => q.answer.kind !== 'emptiness')) return;
  const statement = site.declarator.parentPath;
  if (!statement?.isVariableDeclaration() || statement.node.declarations.length !== 1) return;
  if (!statement.parentPath?.isBlockStatement() && !statement.parentPath?.isProgram()) return;
  const plain = qs.filter((q) => !q.predicate && !q.membership);
  const tested = qs.filter((q) => q.predicate || q.membership);
  // Every query is asked first, so that each predicate that cannot be said gets its finding.
  const asked = [...(plain.length > 0 ? [{ qs: plain, exists: existsFor(ctx, load, plain[0], false, load.call) }] : []), ...tested.map((q) => ({ qs: [q], exists: existsFor(ctx, load, q, false, load.call) }))];
  if (asked.some((a) => !a.exists)) return;
  const taken = new Set<string>();
  const declarations: string[] = [];
  const edits: TextEdit[] = [];
  const imports: ImportSpec[] = [];
  const notes: string[] = [];
  let tier: 'safe' | 'review' = 'safe';
  for (const { qs: group, exists } of asked) {
    const e = exists as Emit & { ok: true };
    const has = freshIdentifier(ctx.ast, group[0].predicate || group[0].membership ? `hasMatching${capitalize(name)}` : `has${capitalize(name)}`, taken, Object.keys(ctx.program.scope.globals));
    taken.add(has);
    declarations.push(`const ${has} = ${e.code}`);
    for (const q of group) {
      const answer = q.answer as Extract<Emptiness, { kind: 'emptiness' }>;
      edits.push(replaceExpression(ctx, answer.node, answer.empty ? `!${has}` : has));
    }
    if (e.imports) imports.push(...e.imports);
    if ((e.tier ?? (group[0].predicate || group[0].membership ? 'review' : 'safe')) === 'review') tier = 'review';
    for (const piece of [group[0].predicate || group[0].membership ? REVIEW : SAFE, ...(e.note ? e.note.split('; ') : [])]) if (!notes.includes(piece)) notes.push(piece);
  }
  const start = statement.node.start ?? 0;
  const end = statement.node.end ?? 0;
  const semi = ctx.source.slice(start, end).trimEnd().endsWith(';') ? ';' : '';
  const indent = indentAt(ctx.source, start);
  edits.unshift(replaceRange(start, end, declarations.map((d) => d + semi).join(`\n${indent}`)));
  const why = `${asked.length} existence queries answer the ${qs.length} questions asked of the rows, each where the rows were loaded: ${notes.join('; ')}`;
  ctx.rewrite({ node: load.call.node, imports, tier, message: why, edits });
}

/**
 * `load(a).then((rows) => rows.length > 0)`: the callback returns the answer
 * alone, so the whole chain becomes a promise of the existence test.
 * Returns true when it proposed the rewrite (or reported why not).
 */
function thenAnswered(ctx: RuleContext, load: Load, result: BindingResult, q: Question, evaluatedAt?: NodePath): boolean {
  const answer = q.answer;
  if (answer.kind !== 'emptiness') return false;
  const then = thenReturningOnly(result, answer.node);
  if (!then) return false;
  const exists = existsFor(ctx, load, q, answer.empty, evaluatedAt);
  if (!exists) return true;
  const tier = exists.tier ?? (q.predicate || q.membership ? 'review' : 'safe');
  ctx.rewrite({ node: load.call.node, imports: exists.imports, tier, message: message(exists, q), edits: [replaceThen(load, then, asPromise(ctx, exists.code))] });
  return true;
}

/**
 * `const rows = await load(a); const taken = rows.some(p);` with nothing
 * else in between that matters: the answer's own name takes the query's place,
 * `const taken = <exists>;`, and its later declaration goes. Only in the same
 * block, with one declarator each, so the name's scope is unchanged.
 * Returns true when it proposed the rewrite (or reported why not).
 */
function adopt(ctx: RuleContext, load: Load, result: BindingResult, q: Question, evaluatedAt?: NodePath): boolean {
  const answer = q.answer;
  if (answer.kind !== 'emptiness' || result.site.kind !== 'declarator') return false;
  const holder = answer.node.parentPath;
  if (!holder?.isVariableDeclarator() || holder.node.init !== answer.node.node || holder.node.id.type !== 'Identifier' || holder.node.id.typeAnnotation) return false;
  const statement = holder.parentPath;
  const loadStatement = result.site.declarator.parentPath;
  if (!statement?.isVariableDeclaration() || statement.node.kind !== 'const' || statement.node.declarations.length !== 1) return false;
  if (!loadStatement?.isVariableDeclaration() || loadStatement.node.declarations.length !== 1) return false;
  if (statement.parentPath !== loadStatement.parentPath || !statement.parentPath?.isBlockStatement() && !statement.parentPath?.isProgram()) return false;
  const exists = existsFor(ctx, load, q, answer.empty, evaluatedAt);
  if (!exists) return true;
  const init = result.site.declarator.get('init') as NodePath;
  const keyword = loadStatement.node.kind === 'const' ? [] : [replaceRange(loadStatement.node.start ?? 0, (loadStatement.node.start ?? 0) + loadStatement.node.kind.length, 'const')];
  const edits: TextEdit[] = [...keyword, replaceNode(result.site.id.node, holder.node.id.name), initReplacement(ctx, init, exists.code), removeStatement(ctx.source, statement.node), ...listRemoval(ctx, q)];
  ctx.rewrite({ node: load.call.node, imports: exists.imports, tier: exists.tier ?? 'safe', message: message(exists, q), edits });
  return true;
}

/** `const ids = rows.map(...)` goes with the rows it listed. */
function listRemoval(ctx: RuleContext, q: Question): TextEdit[] {
  const declaration = q.membership?.declaration;
  return declaration ? [removeStatement(ctx.source, declaration.node)] : [];
}

/**
 * A declaration's new value. Over several lines (a multi-line where), it
 * starts on the line after `=`, one level deeper, as formatters lay out a
 * comparison that does not fit:
 *   const hasUsers =
 *     (await first({
 *       where: { ... },
 *     })) !== null;
 */
function initReplacement(ctx: RuleContext, init: NodePath, code: string): TextEdit {
  const edit = replaceExpression(ctx, init, code);
  if (!edit.text.includes('\n') || !init.parentPath?.isVariableDeclarator()) return edit;
  const indent = indentAt(ctx.source, init.parentPath.node.start ?? 0);
  const deeper = indent + (indent.includes('\t') ? '\t' : '  ');
  let start = edit.start;
  while (start > 0 && (ctx.source[start - 1] === ' ' || ctx.source[start - 1] === '\t')) start--;
  if (ctx.source[start - 1] !== '=') return edit;
  return { start, end: edit.end, text: `\n${deeper}${reindent(edit.text, indent, deeper)}` };
}

/** A new name no identifier in the file spells (words in comments and strings do not count). */
function fresh(ctx: RuleContext, base: string): string {
  return freshIdentifier(ctx.ast, base, new Set(), Object.keys(ctx.program.scope.globals));
}

function replaceRange(start: number, end: number, text: string): TextEdit {
  return { start, end, text };
}

/** The dialect's existence test for this question, or a finding and null. */
function existsFor(ctx: RuleContext, load: Load, q: Question, empty: boolean, evaluatedAt?: NodePath): (Emit & { ok: true }) | null {
  const what = q.membership
    ? `\`.${q.membership.method}(...)\` over a field of every loaded row`
    : q.predicate
      ? `\`.${(q.use as { name: string }).name}(...)\` over every loaded row`
      : 'an emptiness test on every loaded row';
  let tests;
  if (q.membership) {
    const read = readMembership(q.membership.mapper, q.membership.value, { evaluatedAt });
    if (!read.ok) {
      reportLoad(ctx, load, `${what}: the membership test cannot become a where clause because ${read.reason}. Fix: ${load.dialect.messages.existsByHand}, or keep the load if the rows are needed.`, { messageId: 'membership-not-where' });
      return null;
    }
    const field = read.tests[0].field;
    if (load.dialect.model?.(load, ctx)?.fields.get(field)?.type === 'float') {
      reportLoad(ctx, load, `${what}: \`${q.membership.method}\` compares with SameValueZero (NaN is found), the database with \`=\`, and \`${field}\` is a float field. Fix: ${load.dialect.messages.existsByHand}, deciding how NaN should compare.`, { messageId: 'membership-float' });
      return null;
    }
    tests = read.tests;
  } else if (q.predicate) {
    const read = readPredicate(q.predicate, { evaluatedAt });
    if (!read.ok) {
      if (read.join) {
        reportLoad(
          ctx,
          load,
          `${what}: the predicate reads \`${read.join}\` of an enclosing loop or callback, so it is a join, not a where clause; one query per \`${read.join}\` would be an N+1. Fix: load the matching rows for every \`${read.join}\` at once with an \`in\` query on the joined field, and test them in memory.`,
          { messageId: 'join-predicate' },
        );
      } else {
        reportLoad(
          ctx,
          load,
          `${what}: the predicate cannot become a where clause because ${read.reason}. Fix: ${load.dialect.messages.existsByHand}, or keep the load if the rows are needed.`,
          { messageId: 'predicate-not-where' },
        );
      }
      return null;
    }
    tests = read.tests;
  }
  if (!load.dialect.exists) return null;
  const exists = load.dialect.exists(load, ctx, { empty, tests });
  if (!exists.ok) {
    reportLoad(ctx, load, `${what}: ${exists.reason}. Fix: ${exists.suggestion}.`, { messageId: 'cannot-exist' });
    return null;
  }
  return exists;
}

function message(exists: Emit & { ok: true }, q: Question): string {
  if (!q.predicate && !q.membership) return SAFE + (exists.note ? `; ${exists.note}` : '');
  return `${REVIEW}${exists.note ? `; ${exists.note}` : ''}`;
}

function replaceNode(node: Node, text: string): TextEdit {
  return { start: node.start ?? 0, end: node.end ?? 0, text };
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export const rule: Rule = {
  meta: {
    id,
    description: 'Testing loaded rows for emptiness (.length > 0, !rows.length, .some(pred)) becomes an existence query (one per test when there are several).',
    tier: 'safe',
    declines: [
      'predicates with ||, calls, or fields the dialect cannot compare as JavaScript does: finding',
      '.length used as a number (left to length-to-count)',
    ],
  },
  apply,
};

export default toJscodeshift(rule);
