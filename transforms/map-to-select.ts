/**
 * map-to-select: load only the fields the code reads.
 *
 * Matches a whole-table load whose rows are only ever read for named fields
 * (lib/analysis/row-reads.ts):
 *   (await load(a)).map((u) => u.email)
 *       -> (await load(a, only email)).map((u) => u.email)
 *   const users = await load(a); ... users.map(({ id, name }) => ...) ... users.map((u) => u.email)
 *       -> the load reads only id, name and email (the union)
 *   const users = await load(a); users.length; users.find((u) => u.active)?.email;
 *   for (const { id } of users) ...; users.filter((u) => u.age > 30).map((u) => u.name)
 *       -> the load reads only active, email, id, age and name
 * Besides `.map`, the rows may be counted (`.length`), tested or walked by
 * `find`/`findLast`/`some`/`every`/`findIndex`/`findLastIndex`/`filter`/
 * `forEach`/`flatMap` callbacks, walked by a for-of, or indexed by a number;
 * what `find` or an index gives and what `filter` keeps are followed the same
 * way; rows (or one row) given to a zod schema's `parse` that names its keys
 * (`z.array(z.object({ id: ..., email: ... }))`, declared in the file) read
 * those keys. A callback may read `row.f` (or `row?.f`) and destructure `({ f, g })`;
 * a second (index) parameter is fine. Every value read is unchanged. A field
 * read only through fields of its own (`row.author.name`) is passed to the
 * dialect too, which may narrow a loaded relation to them.
 * What the dialect emits depends on the query: a projection of the read
 * fields, an existing projection without its unread entries, or nothing at
 * all when the query already loads just that (no edit, no finding). It never
 * loads more than the query did, except that rows used only by one loop (what
 * loop-to-batches walks in keyset batches) keep the dialect's keyset fields,
 * so that rule can still batch them.
 *
 * Declines, with a finding, when the dialect cannot project (a field to add
 * is a relation or not a stored column, a projection the query already has
 * lacks a read field, arguments it cannot edit), and when a type annotation on
 * the rows or on a row the code reads (`const users: User[]`, `(u: User) => ...`,
 * `const found: User | undefined = users.find(...)`) would have to change with
 * the select. Leaves alone, silently, rows (or what `filter` keeps of them)
 * used for anything else: returned, passed on, spread, stored, given to
 * `JSON.stringify`, indexed by a computed key; and a row used any other way:
 * passed on, spread, a method called on it, `in`, `Object.keys`,
 * rest-destructured, assigned out of a callback, reached through `arguments`,
 * in a callback with a third parameter or a `thisArg`.
 */
import { parseSnippet } from '../lib/parse.js';
import type { Node } from '@babel/types';
import { reportLoad } from '../lib/analysis/bounded.js';
import { findWholeTableLoads } from '../lib/analysis/loads.js';
import { rowReads, type RowReads } from '../lib/analysis/row-reads.js';
import { classifyResultUse, type LoadResult, type Use } from '../lib/analysis/uses.js';
import { toJscodeshift } from '../lib/jscodeshift.js';
import type { Load } from '../lib/orm/core/types.js';
import type { Rule, RuleContext } from '../lib/rule.js';
import { propertyName, textOf } from '../lib/text.js';

const id = 'map-to-select';
const SAFE = 'only the fields the map callback reads are loaded; the mapped values are the same';
const SAFE_READS = 'only the fields the code reads are loaded; every value it reads is the same';

function apply(ctx: RuleContext): void {
  for (const load of findWholeTableLoads(ctx)) {
    if (!load.dialect.select) continue;
    const result = classifyResultUse(load);
    const reads = fieldsRead(result);
    if (!reads) continue;
    const { fields } = reads;
    const what = `rows loaded only to ${reads.onlyMaps ? 'map' : 'read'} ${fields.map((f) => `\`${f}\``).join(', ')}`;
    const keys = keysetFields(load, ctx, result, fields);
    const withKeys = keys.length > 0 ? load.dialect.select(load, ctx, [...fields, ...keys], reads.nested) : undefined;
    const emit = withKeys?.ok ? withKeys : load.dialect.select(load, ctx, fields, reads.nested);
    if (!emit.ok) {
      reportLoad(ctx, load, `${what}: ${emit.reason}. Fix: ${emit.suggestion}.`, { messageId: 'cannot-select' });
      continue;
    }
    // The query already loads just what is read: nothing to say.
    if (emit.code === textOf(ctx.source, load.call.node)) continue;
    const typed = typeAnnotationOnRows(result, reads);
    if (typed) {
      reportLoad(
        ctx,
        load,
        `${what}: ${typed.who} annotated \`${ctx.text(typed.annotation)}\`, which a narrower select may no longer satisfy. Fix: drop the annotation (the type is inferred) and load only what you read: \`${selectOf(emit.code) ?? emit.code}\`.`,
        { messageId: 'annotated-rows' },
      );
      continue;
    }
    const tier = emit.tier ?? 'safe';
    const safe = reads.onlyMaps ? SAFE : SAFE_READS;
    const kept = withKeys?.ok ? `; it also loads ${keys.map((k) => `\`${k}\``).join(', ')}, which walking these rows in batches would need` : '';
    const message = emit.note ? `${safe}${kept}. Review: ${emit.note}` : `${safe}${kept}`;
    ctx.rewrite({ node: load.call.node, tier, message, imports: emit.imports, edits: [{ start: load.call.node.start ?? 0, end: load.call.node.end ?? 0, text: emit.code }] });
  }
}

/**
 * Rows used only by one loop are what loop-to-batches walks in keyset batches,
 * and each batch needs its keyset fields: a projection keeps them (when the
 * dialect can batch the load at all), so it never stands in that rule's way.
 */
function keysetFields(load: Load, ctx: RuleContext, result: LoadResult, fields: readonly string[]): string[] {
  const uses: Use[] = result.shape === 'direct' ? [result.use] : result.shape === 'binding' ? result.uses : [];
  const only = uses.length === 1 ? uses[0] : undefined;
  if (!only || !(only.kind === 'iterate' || (only.kind === 'method' && only.name === 'forEach')) || !load.dialect.keysetBatches) return [];
  const plan = load.dialect.keysetBatches(load, ctx, ctx.options.batchSize);
  return plan.ok ? plan.keyFields.filter((k) => !fields.includes(k)) : [];
}

/** The `select: { ... }` property in emitted call text, for a message. */
function selectOf(code: string): string | undefined {
  const call = parseSnippet(code);
  const arg = call?.type === 'CallExpression' ? call.arguments[0] : undefined;
  if (arg?.type !== 'ObjectExpression') return undefined;
  const select = arg.properties.find((p) => p.type === 'ObjectProperty' && propertyName(p) === 'select');
  return select ? code.slice(select.start ?? 0, select.end ?? 0).replace(/\s*\n\s*/g, ' ') : undefined;
}

/** Which annotation pins the full row type: on the rows binding, or on a row the code reads. */
function typeAnnotationOnRows(result: LoadResult, reads: RowReads): { who: string; annotation: Node } | undefined {
  const rows = rowsAnnotation(result);
  if (rows) return { who: 'the rows are', annotation: rows };
  const first = reads.annotations[0];
  return first ? { who: first.who, annotation: first.node } : undefined;
}

function rowsAnnotation(result: LoadResult): Node | undefined {
  if (result.shape !== 'binding') return undefined;
  const ann = result.site.id.node.typeAnnotation;
  return ann && ann.type === 'TSTypeAnnotation' ? ann.typeAnnotation : undefined;
}

/** The fields read when every use of the rows only reads fields of them (at least one). */
function fieldsRead(result: LoadResult): RowReads | undefined {
  const uses: Use[] = result.shape === 'direct' ? [result.use] : result.shape === 'binding' ? result.uses : [];
  const reads = rowReads(uses);
  return reads && reads.fields.length > 0 ? reads : undefined;
}

export const rule: Rule = {
  meta: {
    id,
    description: 'Rows read only for some of their fields (map, find, some, filter, for-of, .length) load just those fields.',
    tier: 'safe',
    declines: [
      'a field to add that is a relation or not a stored scalar: finding',
      '`omit`, or `distinct` on a field the map does not read: finding',
      'an existing select or include that lacks a read field: finding',
      'rows or row parameter annotated with a type the select would change: finding',
      'a select that already loads exactly what is read: left as it is, no finding',
      'a row passed on, spread, returned, stored, indexed by a computed key, or with a method called on it',
      'rows also used whole: returned, passed on, spread, JSON.stringify, indexed by a computed key',
      'a schema parse other than zod `z.array(z.object({ ...keys }))` / `z.object({ ... }).array()` declared in the file (`.strict()`, `.passthrough()`, `.catchall()`, refinements, imported schemas)',
    ],
  },
  apply,
};

export default toJscodeshift(rule);
