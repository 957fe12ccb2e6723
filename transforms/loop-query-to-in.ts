/**
 * loop-query-to-in: an N+1 loop (one query per row of a list) becomes one
 * query for every row's key, grouped in a Map the loop reads.
 *
 * Matches a loop over rows a whole-table load returned (`users`), whose body
 * awaits a query keyed by the row (its filter pins a field to `u.field`):
 *   for (const u of users) { const posts = await X.rows({ where: { authorId: u.id }, ... }); ... }
 *   await Promise.all(users.map(async (u) => ({ ...u, author: await Y.one({ where: { id: u.authorId } }) })))
 * and emits, before the loop (the statement holding the Promise.all):
 *   const postRows = await X.rows({ where: { authorId: { in: users.map((u) => u.id) } }, ... });
 *   const postsByAuthorId = postRows.reduce((groups, row) => { ...push row into its key's group... }, new Map<number, typeof postRows>());
 * (for a query of one row by a unique field: `new Map(rows.map((row) => [row.id, row] as const))`),
 * and the body reads `postsByAuthorId.get(u.id) ?? []` (or `?? null`) where it
 * awaited the query. When the dialect says the database takes only so many
 * keys per query (and the ORM does not split the list itself), the list goes
 * in slices, one query each, concatenated in order: every key's rows come
 * from one slice, so the groups are the same. The dialect says the one query (the same arguments, the
 * key as a list) and declines what one query cannot say per key.
 *
 * Why it is the same: the list query reads exactly the rows the per-row
 * queries read together (same filter, the key `in` the list); grouping keeps
 * the list query's order, so each group is ordered as its own query was; a
 * key with no rows gets a new empty list (or null), as its query returned.
 * Keys must be defined and non-null (the list comes from a load whose rows
 * carry a required key field) and compare in JavaScript as in the database.
 *
 * Tier: review. The rows are read once, when the loop starts, instead of as
 * each iteration runs (other writers' changes in between are no longer seen;
 * inside a transaction, its locks are taken earlier); rows with the same key
 * share one result object; one query carries the whole key list.
 *
 * Declines, with a finding: `forEach` with an async callback (it does not
 * wait); another await or a write in the loop body; a query that depends on
 * the row beyond its key, or on a variable the loop changes; per-key limits
 * (take, skip, cursor, distinct; a first row by a non-unique key); a key that
 * may be null or undefined (optional field, a list pushdown cannot trace to a
 * load, a select without the key); keys that are objects or compare by
 * collation; a list of every row of a table (batch the outer loop first); a
 * query inside a try block; the key written or the list used in the loop.
 */
import type { Binding, NodePath } from '@babel/traverse';
import { reportLoad } from '../lib/analysis/bounded.js';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { findRowLoops, loopProblem, perRowQueries, type PerRowQuery, type RowLoop } from '../lib/analysis/per-row-query.js';
import { classifyResultUse, inAsyncContext } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { Load } from '../lib/orm/core/types.js';
import { replaceExpression } from '../lib/precedence.js';
import type { Rule, RuleContext, TextEdit } from '../lib/rule.js';
import { freshIdentifier, indentAt, reindent, sourceStyle } from '../lib/text.js';

const id = 'loop-query-to-in';

interface Planned {
  q: PerRowQuery;
  query: (keys: string) => string;
  chunk?: number;
  /** No two rows of the list share the key. */
  distinctKeys: boolean;
  tsType: string;
  unique: boolean;
  notes: string[];
}

function apply(ctx: RuleContext): void {
  const loads = findWholeTableLoads(ctx);
  /** Names given out in this pass: two rewrites must not pick the same one. */
  const taken = new Set<string>();
  for (const loop of findRowLoops(ctx)) {
    const queries = perRowQueries(ctx, loop);
    if (queries.length === 0) continue;
    const at = queries[0].query.call.node;
    const n1 = `the loop over \`${loop.listName}\` runs ${queries.length === 1 ? 'a query' : `${queries.length} queries`} per row (N+1)`;
    const list = listLoad(loads, loop);
    const origin = list ?? listOrigin(loads, loop.list);
    // An N+1 over a bounded list (a page, a take, a key or a list of keys, a literal array) is at most that many
    // queries: no finding. Over the rows of one parent it is a hint, as the load itself would be.
    const decline = (reason: string, suggestion: string) => {
      const message = `${n1}, but ${reason}.`;
      const details = { messageId: 'n-plus-one', suggestion: `${suggestion}.`, anchor: at };
      if (origin === 'literal') return;
      if (origin) reportLoad(ctx, origin, message, details, at);
      else ctx.finding(at, message, details);
    };
    if (loop.kind === 'forEach') {
      decline('forEach does not wait for its async callback, so the code after it runs before the queries finish, and one query before it would change that', 'loop with for-of (awaiting each row), then run pushdown again');
      continue;
    }
    const problem = loopProblem(ctx, loop, queries);
    if (problem) {
      decline(problem.reason, problem.suggestion);
      continue;
    }
    if (!list) {
      decline(
        `pushdown cannot trace \`${loop.listName}\` to a query, so a key may be null or undefined (one query with the keys as a list treats those differently)`,
        `read every key at once by hand, filtering out null and undefined keys, or load \`${loop.listName}\` in this function`,
      );
      continue;
    }
    const shape = list.dialect.loadShape(list);
    const bounded = shape.limited || list.dialect.keyBounded?.(list, ctx) === true;
    if (!bounded && !shape.filtered) {
      decline(
        `\`${loop.listName}\` holds every row of \`${list.model}\`, so one query would carry every key`,
        'walk the list in batches first (loop-to-batches), then run pushdown again: one query per batch',
      );
      continue;
    }
    const statementList = loop.statement.parentPath;
    if (!(statementList?.isBlockStatement() || statementList?.isProgram() || statementList?.isSwitchCase() || statementList?.isStaticBlock())) {
      decline('the loop is not in a block the query could go before', 'wrap it in braces, then run pushdown again');
      continue;
    }
    if (!inAsyncContext(loop.statement)) {
      decline('the loop is not in an async function, so the query before it could not be awaited', 'make the function async');
      continue;
    }
    const planned: Planned[] = [];
    let failed = false;
    for (const q of queries) {
      const key = list.dialect.rowKey?.(list, ctx, q.rowField);
      const one = q.query.dialect.inQuery?.(q.query, ctx, q.field);
      if (!key || !one) {
        failed = true;
        break;
      }
      if (!key.ok || !one.ok) {
        const why = !key.ok ? key : (one as { reason: string; suggestion: string });
        decline(why.reason, why.suggestion);
        failed = true;
        break;
      }
      if (key.type !== one.type) {
        decline(`the key \`${q.keyText}\` is a ${key.type} and \`${q.field}\` a ${one.type}`, 'rewrite by hand, converting the keys');
        failed = true;
        break;
      }
      const notes = [...one.notes];
      if (!key.distinct) notes.push(`rows of \`${loop.listName}\` with the same \`${q.rowField}\` now share one result object (mutating it shows in both)`);
      const chunk = one.chunk && Math.min(one.chunk, ctx.options.maxKeysPerQuery ?? Infinity);
      planned.push({ q, query: one.query, chunk, distinctKeys: key.distinct, tsType: one.tsType, unique: one.unique && q.query.returns === 'row', notes });
    }
    if (failed) continue;
    const edits = emit(ctx, loop, planned, taken);
    const notes = planned.flatMap((p) => p.notes);
    if (!shape.limited) notes.push(`the key list has one entry per row of \`${loop.listName}\`; a very long list makes one large query`);
    const message =
      `one query before the loop reads the rows of every \`${loop.listName}\` key at once, grouped by key, instead of one query per row (N+1). ` +
      'Check: the rows are read when the loop starts, not as each iteration runs (changes other code makes meanwhile are not seen)' +
      (notes.length > 0 ? `; ${[...new Set(notes)].join('; ')}` : '');
    ctx.rewrite({ node: at, tier: 'review', message, edits });
  }
}

/** The load whose rows `loop.list` holds. */
function listLoad(loads: readonly Load[], loop: RowLoop): Load | undefined {
  for (const load of loads) {
    const result = classifyResultUse(load);
    if (result.shape === 'binding' && result.binding === loop.list) return load;
  }
  return undefined;
}

/**
 * The load a list is made from when it is not the load's own result: through
 * `const xs = rows.filter(...)` / `.map(...)` / `.slice(...)` / `[...rows]`
 * (none adds rows), or 'literal' for an array literal. Only its boundedness is
 * read: the rewrite still needs the load's own rows.
 */
function listOrigin(loads: readonly Load[], list: Binding, depth = 0): Load | 'literal' | undefined {
  if (depth > 8 || !list.constant || !list.path.isVariableDeclarator()) return undefined;
  let init = list.path.get('init') as NodePath;
  while (init.isTSAsExpression() || init.isTSNonNullExpression() || init.isTSSatisfiesExpression() || init.isParenthesizedExpression()) init = init.get('expression') as NodePath;
  if (init.isArrayExpression()) {
    const elements = init.get('elements');
    if (elements.every((e) => !e.isSpreadElement())) return 'literal';
    const spread = elements.length === 1 ? elements[0] : undefined;
    if (!spread?.isSpreadElement()) return undefined;
    init = spread.get('argument') as NodePath;
  } else if (init.isCallExpression()) {
    const callee = init.get('callee');
    if (!callee.isMemberExpression() || callee.node.computed || callee.node.property.type !== 'Identifier') return undefined;
    if (!['filter', 'map', 'slice', 'toSorted', 'toReversed'].includes(callee.node.property.name)) return undefined;
    init = callee.get('object') as NodePath;
  } else return undefined;
  if (!init.isIdentifier()) return undefined;
  const source = init.scope.getBinding(init.node.name);
  if (!source) return undefined;
  for (const load of loads) {
    const result = classifyResultUse(load);
    if (result.shape === 'binding' && result.binding === source) return load;
  }
  return listOrigin(loads, source, depth + 1);
}

function keysText(loop: RowLoop, q: PerRowQuery): string {
  return `${loop.listName}.map((${loop.rowName}) => ${loop.rowName}.${q.rowField})`;
}

/** `authorIds` for `authorId`, `ids` for `id`, `emailKeys` for `email`. */
function keyListName(field: string): string {
  return /id$/i.test(field) ? `${field}s` : `${field}Keys`;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The name the query's result is bound to in the body (`posts` in `const posts = await ...`), if any. */
function boundName(q: PerRowQuery): string | undefined {
  const parent = q.awaited.parentPath;
  if (parent?.isVariableDeclarator() && parent.node.init === q.awaited.node && parent.node.id.type === 'Identifier') return parent.node.id.name;
  if (parent?.isObjectProperty() && parent.node.value === q.awaited.node && !parent.node.computed && parent.node.key.type === 'Identifier') return parent.node.key.name;
  return undefined;
}

function emit(ctx: RuleContext, loop: RowLoop, planned: readonly Planned[], taken: Set<string>): TextEdit[] {
  const semi = sourceStyle(ctx.ast, ctx.source).semi ? ';' : '';
  const start = loop.statement.node.start ?? 0;
  const indent = indentAt(ctx.source, start);
  const typed = /\.[cm]?tsx?$/.test(ctx.filePath);
  const fresh = (base: string) => {
    return freshIdentifier(ctx.ast, base, taken, undefined, loop.statement);
  };
  const lines: string[] = [];
  const edits: TextEdit[] = [];
  for (const p of planned) {
    const { q } = p;
    const rows = fresh(`${q.query.model}Rows`);
    const byKey = fresh(`${boundName(q) ?? q.query.model}By${capitalised(q.field)}`);
    const from = indentAt(ctx.source, q.query.call.node.start ?? 0);
    if (p.chunk) {
      // The database takes so many keys per query: one query per slice of the list, in order.
      const keys = fresh(keyListName(q.field));
      const i = fresh('i');
      const ignored = fresh('_');
      const unit = '  ';
      const code = reindent(p.query(`${keys}.slice(${i} * ${p.chunk}, (${i} + 1) * ${p.chunk})`), from, indent + unit.repeat(3));
      lines.push(
        // A key in two slices would bring its rows twice: each key once (Set equality is the keys' own).
        `const ${keys} = ${p.distinctKeys ? keysText(loop, q) : `[...new Set(${keysText(loop, q)})]`}${semi}`,
        `const ${rows} = (`,
        `${unit}await Promise.all(`,
        `${unit}${unit}Array.from({ length: Math.ceil(${keys}.length / ${p.chunk}) }, (${ignored}, ${i}) =>`,
        `${unit}${unit}${unit}${code}`,
        `${unit}${unit})`,
        `${unit})`,
        `).flat()${semi}`,
      );
    } else {
      const code = reindent(p.query(keysText(loop, q)), from, indent);
      lines.push(`const ${rows} = await ${code}${semi}`);
    }
    if (p.unique) {
      lines.push(`const ${byKey} = new Map(${rows}.map((row) => [row.${q.field}, row]${typed ? ' as const' : ''}))${semi}`);
    } else {
      lines.push(
        `const ${byKey} = ${rows}.reduce((groups, row) => {`,
        `  const group = groups.get(row.${q.field})${semi}`,
        `  if (group) group.push(row)${semi}`,
        `  else groups.set(row.${q.field}, [row])${semi}`,
        `  return groups${semi}`,
        `}, new Map${typed ? `<${p.tsType}, typeof ${rows}>` : ''}())${semi}`,
      );
    }
    edits.push(replaceExpression(ctx, q.awaited as NodePath, `${byKey}.get(${q.keyText}) ?? ${p.unique ? 'null' : '[]'}`));
  }
  edits.push({ start, end: start, text: lines.join(`\n${indent}`) + `\n${indent}` });
  return edits;
}

export const rule: Rule = {
  meta: {
    id,
    description: 'A loop that runs one query per row (N+1) runs one query for every key before the loop, grouped in a Map.',
    tier: 'review',
    declines: [
      'forEach with an async callback (it does not wait), another await or a write in the loop: finding',
      'a query depending on the row beyond its key, or on a variable the loop changes: finding',
      'a key that may be null or undefined (a list not traced to a load, an optional field): finding',
      'a list of every row of a table (batch it first), a query in a try block, the key written or the list changed in the loop: finding',
    ],
  },
  apply,
};

export default toJscodeshift(rule);
