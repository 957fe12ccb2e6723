/**
 * loop-to-batches: a loop over every loaded row walks them in keyset batches.
 *
 * Matches a whole-table load whose rows are only looped over:
 *   for (const u of await load(a)) S
 *   (await load(a)).forEach((u) => { S })
 *   const users = await load(a);     (the loop right after it is the only use)
 *   for (const u of users) S                         (or users.forEach(...))
 * and emits, with the key from the model's facts (the dialect's assumption when there are none):
 *   for (let after: number | undefined; ; ) {
 *     const batch = await load(a, key > after, ordered by key, at most 1000);   (the dialect's batch query)
 *     for (const u of batch) S
 *     perBatch                                  (statements the dialect asks for, e.g. freeing tracked rows)
 *     if (batch.length < 1000) break;
 *     after = batch[batch.length - 1]!.id;      (the dialect's cursor; no `!` in JavaScript)
 *   }
 * plus any imports the batch query needs. An order on other fields becomes a
 * composite keyset with the key as tie-breaker (`last` remembers the last
 * row), when the dialect can say it (every ordered field non-null).
 * A `break` that left the original loop leaves the batches too (the outer
 * loop gets a fresh label); `continue`, `return`, `await` and labels keep
 * their meaning. A forEach callback's `return;` becomes `continue;`. The batch
 * size is the batchSize option. New names never collide with existing ones.
 * The loop follows the file's style (semicolons or none, its quotes), and a
 * multi-line where keeps its lines, one level deeper.
 *
 * Leaves alone, silently, a load whose filter pins the key or a unique field
 * to a list or a value (the dialect's keyBounded): its rows are already
 * bounded, often by a hand-written batch loop around it.
 *
 * Tier review: the loop no longer sees a snapshot, so rows changed while it
 * runs may be seen or missed.
 *
 * Declines, with a finding: what the dialect cannot batch (a cap, an offset,
 * distinct rows, an order on a nullable or unknown field, a projection without
 * the keyset fields: the dialect says why); a
 * loop outside an async function (a `.then` callback); rows used besides the
 * loop; a loop that does not directly follow the load; a loop that writes the
 * key or an ordered field on its rows; a forEach callback that is async,
 * takes more than the row, returns a value, or uses `this`/`arguments`.
 * Also reports `Promise.all(rows.map(async ...))` over a load with no cap.
 */
import type { NodePath } from '@babel/traverse';
import type { ArrowFunctionExpression, CallExpression, ForOfStatement, FunctionExpression, Node, Statement } from '@babel/types';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { classifyResultUse, inAsyncContext, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { writtenRowField } from '../lib/analysis/row-writes.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { KeysetPlan, Load } from '../lib/orm/core/types.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { reportLoad } from '../lib/analysis/bounded.js';
import { freshIdentifier, indentAt, sourceStyle } from '../lib/text.js';

const id = 'loop-to-batches';

type Callback = NodePath<ArrowFunctionExpression | FunctionExpression>;

/** The loop to rewrite: the statement it replaces, and how its rows are bound. */
type Loop =
  | { kind: 'for-of'; statement: NodePath<Statement>; loop: NodePath<ForOfStatement>; label?: string }
  | { kind: 'forEach'; statement: NodePath<Statement>; callback: Callback };

type Found = { ok: true; loop: Loop; declaration?: NodePath<Statement> } | { ok: false; node: Node; messageId: string; reason: string; suggestion: string } | undefined;

function apply(ctx: RuleContext): void {
  for (const load of findWholeTableLoads(ctx)) {
    // A where that pins the key to a list already bounds the rows (often inside a hand-written batch loop).
    if (load.dialect.keyBounded?.(load, ctx)) continue;
    const result = classifyResultUse(load);
    reportPromiseAll(ctx, load, result);
    const found = findLoop(ctx, result);
    if (!found) continue;
    if (!found.ok) {
      reportLoad(ctx, load, `${loadedToIterate(load)}, but ${found.reason}. Fix: ${found.suggestion}.`, { messageId: found.messageId });
      continue;
    }
    const plan = load.dialect.keysetBatches?.(load, ctx, ctx.options.batchSize);
    if (!plan) continue;
    if (!plan.ok) {
      reportLoad(ctx, load, `${loadedToIterate(load)}, but ${plan.reason}. Fix: ${plan.suggestion}.`, { messageId: 'cannot-batch' });
      continue;
    }
    const changed = changedKeyField(found.loop, plan.keyFields);
    if (changed) {
      reportLoad(ctx, load, `${loadedToIterate(load)}, but the loop changes \`${changed}\` on the rows, and the next batch starts from it. Fix: batch by hand, remembering the key before the loop changes it.`, { messageId: 'loop-writes-key' });
      continue;
    }
    const body = loopText(ctx, found.loop, plan);
    if (typeof body !== 'string') {
      reportLoad(ctx, load, `${loadedToIterate(load)}, but ${body.reason}. Fix: ${body.suggestion}.`, { messageId: 'loop-body' });
      continue;
    }
    const edits: TextEdit[] = [{ start: found.loop.statement.node.start ?? 0, end: found.loop.statement.node.end ?? 0, text: body }];
    if (found.declaration) edits.push(removeStatement(ctx.source, found.declaration.node));
    const message =
      `the rows are loaded in keyset batches of ${ctx.options.batchSize} (${plan.order}) instead of all at once. ` +
      'Check: the loop no longer sees a snapshot, so rows inserted, updated or deleted while it runs may be seen or missed' +
      (unordered(load) ? `; the rows come in that order, where the query left the order to the database` : '') +
      (plan.note ? `; ${plan.note}` : '');
    ctx.rewrite({ node: load.call.node, imports: plan.imports, tier: plan.tier ?? 'review', message, edits });
  }
}

function unordered(load: Load): boolean {
  return !load.dialect.loadShape(load).ordered;
}

function loadedToIterate(load: Load): string {
  const shape = load.dialect.loadShape(load);
  const unbounded = !shape.filtered && !shape.limited;
  return unbounded ? `every \`${load.model}\` row is loaded (${load.dialect.messages.unfiltered}) only to be looped over` : 'the rows are all loaded at once only to be looped over';
}

/** `row.id = …`, `row.age++`, `delete row.id`: a write, in the loop, to a field the next batch starts from. */
function changedKeyField(loop: Loop, fields: readonly string[]): string | undefined {
  let rowName: string | undefined;
  let scopePath: NodePath;
  let body: NodePath;
  if (loop.kind === 'for-of') {
    const left = loop.loop.node.left;
    const declared = left.type === 'VariableDeclaration' ? left.declarations[0]?.id : left;
    rowName = declared?.type === 'Identifier' ? declared.name : undefined;
    scopePath = loop.loop;
    body = loop.loop.get('body');
  } else {
    const param = loop.callback.node.params[0];
    rowName = param?.type === 'Identifier' ? param.name : undefined;
    scopePath = loop.callback;
    body = loop.callback.get('body') as NodePath;
  }
  if (!rowName) return undefined;
  return writtenRowField(body, rowName, scopePath.scope.getBinding(rowName), fields);
}

/** Where the rows are looped over, when that is all that happens to them. */
function findLoop(ctx: RuleContext, result: LoadResult): Found {
  if (result.shape === 'direct') {
    const loop = loopOf(result.use);
    if (!loop) return undefined;
    return checked(ctx, loop);
  }
  if (result.shape !== 'binding') return undefined;
  const loops = result.uses.map(loopOf);
  if (!loops.some((l) => l)) return undefined;
  const first = result.uses.find((u, i) => loops[i])!;
  if (result.uses.length > 1) {
    return { ok: false, node: first.path.node, messageId: 'rows-used-besides-loop', reason: `\`${result.name}\` is also used besides the loop`, suggestion: 'batch by hand if the other uses can do without every row at once' };
  }
  const loop = loops[0]!;
  const site = result.site;
  if (site.kind !== 'declarator') {
    return { ok: false, node: first.path.node, messageId: 'loop-in-callback', reason: site.kind === 'then-param' ? 'the loop is in a `.then` callback' : 'the rows come from a `Promise.all`', suggestion: 'await the load in an async function, then run pushdown again' };
  }
  const declaration = site.declarator.parentPath;
  if (!declaration?.isVariableDeclaration() || declaration.node.declarations.length !== 1 || !followedBy(declaration, loop.statement)) {
    return {
      ok: false,
      node: first.path.node,
      messageId: 'loop-not-after-load',
      reason: `the loop does not directly follow the declaration of \`${result.name}\`, and batches would run the query later, when the loop starts`,
      suggestion: 'move the loop right after the load (if nothing between them changes what it reads) and run pushdown again',
    };
  }
  const c = checked(ctx, loop);
  return c?.ok ? { ...c, declaration: declaration as NodePath<Statement> } : c;
}

function loopOf(use: Use): Loop | undefined {
  if (use.kind === 'iterate') {
    const loop = use.path;
    const parent = loop.parentPath;
    if (parent?.isLabeledStatement()) return { kind: 'for-of', statement: parent, loop, label: parent.node.label.name };
    return { kind: 'for-of', statement: loop, loop };
  }
  if (use.kind === 'method' && use.name === 'forEach') {
    const call = use.path;
    const statement = call.parentPath;
    if (!statement?.isExpressionStatement() || call.node.arguments.length !== 1) return undefined;
    const cb = call.get('arguments.0') as NodePath;
    if (!(cb.isArrowFunctionExpression() || cb.isFunctionExpression())) return undefined;
    return { kind: 'forEach', statement, callback: cb as Callback };
  }
  return undefined;
}

function checked(ctx: RuleContext, loop: Loop): Found {
  void ctx;
  const node = loop.statement.node;
  if (!inAsyncContext(loop.statement)) {
    return { ok: false, node, messageId: 'loop-not-async', reason: 'the loop is not in an async function, so it cannot await each batch', suggestion: 'make the enclosing function async (and await it), then run pushdown again' };
  }
  if (loop.kind === 'forEach') {
    const why = callbackProblem(loop.callback);
    if (why) return { ok: false, node, messageId: 'forEach-callback', reason: why, suggestion: 'turn the forEach into a for-of loop, then run pushdown again' };
  }
  return { ok: true, loop };
}

/** Why a forEach callback cannot become a for-of body, if it cannot. */
function callbackProblem(cb: Callback): string | undefined {
  const n = cb.node;
  if (n.async) return 'the forEach callback is async, and forEach does not wait for it: a loop that awaits each row would run differently';
  if (n.generator) return 'the forEach callback is a generator';
  if (n.params.length !== 1) return 'the forEach callback takes more than the row';
  const param = n.params[0];
  if (param.type !== 'Identifier' && param.type !== 'ObjectPattern' && param.type !== 'ArrayPattern') return 'the forEach callback parameter has a default or rest';
  if (n.type === 'FunctionExpression' && n.id) return 'the forEach callback is a named function';
  let problem: string | undefined;
  const isArrow = n.type === 'ArrowFunctionExpression';
  cb.traverse({
    Function(p) {
      // Their own this, arguments and returns; arrows share this/arguments but not return.
      if (!p.isArrowFunctionExpression()) p.skip();
    },
    ThisExpression(p) {
      if (!isArrow && ownFunction(p) === cb.node) problem ??= 'the forEach callback uses `this`';
    },
    Identifier(p) {
      if (!isArrow && p.node.name === 'arguments' && p.isReferencedIdentifier() && ownFunction(p) === cb.node) problem ??= 'the forEach callback uses `arguments`';
    },
    MetaProperty(p) {
      if (!isArrow && ownFunction(p) === cb.node) problem ??= 'the forEach callback uses `new.target`';
    },
    ReturnStatement(p) {
      if (p.getFunctionParent()?.node !== cb.node) return;
      if (p.node.argument) problem ??= 'the forEach callback returns a value';
      else if (insideNestedLoop(p, cb.node)) problem ??= 'the forEach callback returns from inside a nested loop';
    },
    VariableDeclaration(p) {
      if (p.node.kind === 'var' && p.getFunctionParent()?.node === cb.node) problem ??= 'the forEach callback declares `var`s, which would move into the enclosing function';
    },
    FunctionDeclaration(p) {
      if (p.parentPath?.parentPath?.node === cb.node) problem ??= 'the forEach callback declares a function';
    },
  });
  return problem;
}

/** The nearest enclosing non-arrow function (what `this` and `arguments` belong to). */
function ownFunction(p: NodePath): Node | undefined {
  return p.findParent((q) => q.isFunction() && !q.isArrowFunctionExpression())?.node;
}

function insideNestedLoop(p: NodePath, stop: Node): boolean {
  for (let q = p.parentPath; q && q.node !== stop; q = q.parentPath) if (q.isLoop()) return true;
  return false;
}

/** Is `next` the statement right after `statement`, in the same block? */
function followedBy(statement: NodePath, next: NodePath): boolean {
  if (statement.parentPath !== next.parentPath || typeof statement.key !== 'number' || typeof next.key !== 'number') return false;
  return statement.listKey === next.listKey && next.key === statement.key + 1;
}

/** The whole batched loop, replacing the loop statement. */
function loopText(ctx: RuleContext, loop: Loop, plan: KeysetPlan): string | { reason: string; suggestion: string } {
  const src = ctx.source;
  const statement = loop.statement.node;
  const indent = indentAt(src, statement.start ?? 0);
  const unit = indentUnit(src, loop, indent);
  const inner = indent + unit;
  const size = ctx.options.batchSize;
  const semi = sourceStyle(ctx.ast, src).semi ? ';' : '';
  /** A statement's own `;`, when it has one. */
  const ownSemi = (n: Node) => (src[(n.end ?? 0) - 1] === ';' ? ';' : '');
  const taken = new Set<string>();
  const fresh = (base: string) => {
    return freshIdentifier(ctx.ast, base, taken, Object.keys(ctx.program.scope.globals), loop.statement);
  };
  const after = fresh(plan.cursorName);
  const batch = fresh('batch');
  const label = fresh('batches');
  let labelUsed = false;

  // The inner for-of: the original loop with the rows replaced by the batch, or the callback as its body.
  const edits: TextEdit[] = [];
  let head: string;
  let bodyNode: Node;
  if (loop.kind === 'for-of') {
    const f = loop.loop.node;
    // The head up to the loop variable (`for (const r`, `for await (const { id }`), then the batch.
    head = `${loop.label ? `${loop.label}: ` : ''}${src.slice(f.start ?? 0, f.left.end ?? 0)} of ${batch}) `;
    bodyNode = f.body;
    for (const b of breaksLeaving(loop.loop, loop.label)) {
      edits.push({ start: b.start ?? 0, end: b.end ?? 0, text: `break ${label}${ownSemi(b)}` });
      labelUsed = true;
    }
  } else {
    const cb = loop.callback.node;
    const param = cb.params[0];
    const paramEnd = (param as { typeAnnotation?: Node | null }).typeAnnotation?.start ?? param.end ?? 0;
    const binding = loop.callback.scope.getBinding(param.type === 'Identifier' ? param.name : '');
    const kind = param.type === 'Identifier' && binding && !binding.constant ? 'let' : 'const';
    head = `for (${kind} ${src.slice(param.start ?? 0, paramEnd).trimEnd()} of ${batch}) `;
    bodyNode = cb.body;
    loop.callback.traverse({
      Function(p) {
        p.skip();
      },
      ReturnStatement(p) {
        edits.push({ start: p.node.start ?? 0, end: p.node.end ?? 0, text: `continue${ownSemi(p.node)}` });
      },
    });
  }

  let body: string;
  if (bodyNode.type === 'BlockStatement' || loop.kind === 'for-of') {
    body = reindent(src, bodyNode, edits, unit, templateRanges(bodyNode));
  } else {
    const expr = spliced(src, bodyNode, edits);
    const safe = /^\s*(\{|function\b|class\b|let\s*\[)/.test(expr) ? `(${expr})` : expr;
    body = `{\n${inner}${unit}${reindentText(safe, unit)}${semi}\n${inner}}`;
  }

  const ts = !/\.(c|m)?jsx?$/.test(ctx.filePath);
  const declare = ts ? `let ${after}: ${plan.cursorType} | undefined` : `let ${after}`;
  // A field read on the last row gets `!`: the row exists (the batch was full),
  // which `noUncheckedIndexedAccess` cannot see. The row itself needs none.
  const lastRow = `${batch}[${batch}.length - 1]`;
  const lastCursor = plan.cursorOf(lastRow) === lastRow || !ts ? plan.cursorOf(lastRow) : plan.cursorOf(`${lastRow}!`);
  return [
    `${labelUsed ? `${label}: ` : ''}for (${declare}; ; ) {`,
    `${inner}const ${batch} = await ${plan.query(after, inner)}${semi}`,
    `${inner}${head}${body}`,
    ...(plan.perBatch ?? []).map((statement) => `${inner}${statement}${semi}`),
    `${inner}if (${batch}.length < ${size}) break${semi}`,
    `${inner}${after} = ${lastCursor}${semi}`,
    `${indent}}`,
  ].join('\n');
}

/** The breaks that leave the original loop: unlabelled ones aimed at it, and `break <its label>`. */
function breaksLeaving(loop: NodePath<ForOfStatement>, label: string | undefined): Node[] {
  const out: Node[] = [];
  loop.get('body').traverse({
    Function(p) {
      p.skip();
    },
    BreakStatement(p) {
      if (p.node.label) {
        if (label !== undefined && p.node.label.name === label) out.push(p.node);
        return;
      }
      const target = p.findParent((q) => q.isLoop() || q.isSwitchStatement());
      if (target?.node === loop.node) out.push(p.node);
    },
  });
  return out;
}

/** The indentation one level adds in this file: taken from the loop body, else two spaces. */
function indentUnit(src: string, loop: Loop, indent: string): string {
  const body = loop.kind === 'for-of' ? loop.loop.node.body : loop.callback.node.body;
  if (body.type === 'BlockStatement' && body.body.length > 0) {
    const inner = indentAt(src, body.body[0].start ?? 0);
    if (inner.startsWith(indent) && inner.length > indent.length && src.slice(body.start ?? 0, body.body[0].start ?? 0).includes('\n')) return inner.slice(indent.length);
  }
  return indent.includes('\t') ? '\t' : '  ';
}

/** Ranges inside template literals, whose newlines are content and must not be re-indented. */
function templateRanges(node: Node): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    const o = n as Node;
    if (o.type === 'TemplateElement' || o.type === 'JSXText' || o.type === 'StringLiteral') out.push([o.start ?? 0, o.end ?? 0]);
    for (const k of Object.keys(o)) {
      if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments' || k === 'extra') continue;
      const v = (o as unknown as Record<string, unknown>)[k];
      if (v && typeof v === 'object') visit(v);
    }
  };
  visit(node);
  return out;
}

/** The node's text with `edits` applied and every line after the first indented by `unit` (not inside templates). */
function reindent(src: string, node: Node, edits: TextEdit[], unit: string, protectedRanges: Array<[number, number]>): string {
  const start = node.start ?? 0;
  const end = node.end ?? 0;
  const all: TextEdit[] = [...edits];
  for (let i = src.indexOf('\n', start); i !== -1 && i < end; i = src.indexOf('\n', i + 1)) {
    const at = i + 1;
    if (protectedRanges.some(([s, e]) => at > s && at < e)) continue;
    if (src[at] === '\n' || src.startsWith('\r\n', at)) continue; // keep blank lines blank
    if (edits.some((e) => at > e.start && at < e.end)) continue;
    all.push({ start: at, end: at, text: unit });
  }
  return spliced(src, node, all);
}

function reindentText(text: string, unit: string): string {
  return text.replace(/\n(?!\r?\n)/g, `\n${unit}`);
}

function spliced(src: string, node: Node, edits: TextEdit[]): string {
  const start = node.start ?? 0;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = start;
  for (const e of sorted) {
    out += src.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + src.slice(at, node.end ?? 0);
}

/**
 * Delete the load's declaration, keeping comments that follow. Alone on its
 * line, the line goes with the blank lines after it (they set the load apart
 * from the loop, which is now the same statement); else the statement and the
 * line break and indentation after it.
 */
function removeStatement(src: string, node: Node): TextEdit {
  const start = node.start ?? 0;
  let end = node.end ?? 0;
  const lineStart = src.lastIndexOf('\n', start - 1) + 1;
  const whole = /^[ \t]*\r?\n(?:[ \t]*\r?\n)*/.exec(src.slice(end));
  if (whole && /^[ \t]*$/.test(src.slice(lineStart, start))) return { start: lineStart, end: end + whole[0].length, text: '' };
  const m = /^[ \t]*\r?\n[ \t]*/.exec(src.slice(end));
  if (m) end += m[0].length;
  return { start, end, text: '' };
}

/** `Promise.all(rows.map(async (r) => ...))` over a load with no cap: one task per row, all at once. */
function reportPromiseAll(ctx: RuleContext, load: Load, result: LoadResult): void {
  if (load.dialect.loadShape(load).limited) return;
  const uses = result.shape === 'direct' ? [result.use] : result.shape === 'binding' ? result.uses : [];
  for (const u of uses) {
    if (u.kind !== 'method' || u.name !== 'map') continue;
    const cb = u.path.node.arguments[0];
    if (!cb || !((cb.type === 'ArrowFunctionExpression' || cb.type === 'FunctionExpression') && cb.async)) continue;
    const all = u.path.parentPath;
    if (!all?.isCallExpression() || !isPromiseAll(all.node) || all.node.arguments[0] !== u.path.node) continue;
    reportLoad(
      ctx,
      load,
      `\`Promise.all\` over every row of ${load.dialect.messages.uncapped} starts one task per row at once and holds every row in memory. Fix: ${load.dialect.messages.batchesByHand(ctx.options.batchSize)}.`,
      { messageId: 'promise-all-every-row' },
      u.path.node,
    );
  }
}

function isPromiseAll(call: CallExpression): boolean {
  const c = call.callee;
  return c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'Promise' && c.property.type === 'Identifier' && (c.property.name === 'all' || c.property.name === 'allSettled');
}

export const rule: Rule = {
  meta: {
    id,
    description: 'A loop over every loaded row walks them in keyset batches.',
    tier: 'review',
    declines: [
      'a loop outside an async function, rows used besides the loop, a loop not right after the load, a loop writing the key: finding',
      'forEach with an async callback, an index parameter, a returned value, this/arguments: finding',
      'a filter that pins the key or a unique field to a list or a value (already bounded): left alone',
    ],
  },
  apply,
};

export default toJscodeshift(rule);
