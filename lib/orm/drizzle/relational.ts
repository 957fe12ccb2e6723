/**
 * Drizzle's relational API: `db.query.<table>.findMany(config?)`, where
 * config is an object literal of `where`, `orderBy`, `columns`, `with`,
 * `extras` and `offset` (one with `limit` is bounded already, and not a load).
 * What pushdown says for it:
 * - first row: `limit: 1` added, so the result stays an array and `[0]`
 *   keeps its meaning (findFirst would do the same, as `T | undefined`);
 * - exists: the same call with `limit: 1`, `.length > 0`;
 * - select: `columns: { f: true }` when the config has no `columns`, `with`
 *   or `extras` (fields of relations or extras are not columns);
 * - count, aggregates, narrowing and batches: a finding that says what to
 *   write with the select API (`db.$count(t, w)` ...), since the relational
 *   config's where is a callback or a filter object pushdown does not translate.
 */
import type { NodePath } from '@babel/traverse';
import type { CallExpression, Expression, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import { objectTextAdding, propertyName, textOf } from '../../text.js';
import type { Emit, Load } from '../core/types.js';
import { drizzleFacts } from './load.js';

const KNOWN = new Set(['where', 'orderBy', 'columns', 'with', 'extras', 'offset']);

/** `db.query.users.findMany(config?)`. */
export interface DrizzleQueryLoad extends Load {
  kind: 'query';
  db: Expression;
  config?: ObjectExpression;
  props: ReadonlyMap<string, ObjectProperty>;
}

/** The relational load whose call is `path`, or null. */
export function readQueryCall(path: NodePath<CallExpression>): Omit<DrizzleQueryLoad, 'dialect' | 'call'> | null {
  return readQueryCallNode(path.node);
}

/** readQueryCall on the plain call: it needs no binding. */
export function readQueryCallNode(call: CallExpression): Omit<DrizzleQueryLoad, 'dialect' | 'call'> | null {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'findMany') return null;
  const tableMember = callee.object;
  if (tableMember.type !== 'MemberExpression' || tableMember.computed || tableMember.property.type !== 'Identifier') return null;
  const query = tableMember.object;
  if (query.type !== 'MemberExpression' || query.computed || query.property.type !== 'Identifier' || query.property.name !== 'query') return null;
  const db = query.object;
  if (db.type !== 'Identifier' && !(db.type === 'MemberExpression' && !db.computed && db.object.type === 'ThisExpression')) return null;
  const args = call.arguments;
  if (args.length > 1) return null;
  const props = new Map<string, ObjectProperty>();
  const config = args[0];
  if (config) {
    if (config.type !== 'ObjectExpression') return null;
    for (const p of config.properties) {
      if (p.type !== 'ObjectProperty') return null;
      const name = propertyName(p);
      if (!name || !KNOWN.has(name) || props.has(name)) return null;
      props.set(name, p);
    }
  }
  return { kind: 'query', db, model: tableMember.property.name, config: config as ObjectExpression | undefined, props };
}

/** The call with `limit: 1` in its config. */
function limitedToOne(load: DrizzleQueryLoad, ctx: RuleContext): string {
  const call = load.call.node;
  const callee = textOf(ctx.source, call.callee);
  return load.config ? `${callee}(${objectTextAdding(ctx.source, load.config, 'limit: 1')})` : `${callee}({ limit: 1 })`;
}

const FIRST_WHY = 'with `limit: 1` the relational query returns the row `[0]` was (same where, orderBy and offset), still as an array, so every use reads what it read; only that row is loaded';

export function queryFirst(load: DrizzleQueryLoad, ctx: RuleContext) {
  return { ok: true as const, keepsRows: true as const, code: limitedToOne(load, ctx), why: FIRST_WHY };
}

export function queryExists(load: DrizzleQueryLoad, ctx: RuleContext, empty: boolean, predicate: boolean): Emit {
  if (predicate) return bySelectApi('a predicate on the rows', `\`(await db.select({ one: sql\\\`1\\\` }).from(${load.model}).where(and(w, ...)).limit(1)).length > 0\``);
  return { ok: true, code: `(await ${limitedToOne(load, ctx)}).length ${empty ? '===' : '>'} 0` };
}

export function querySelect(load: DrizzleQueryLoad, ctx: RuleContext, fields: readonly string[]): Emit {
  const shaped = ['columns', 'with', 'extras'].filter((k) => load.props.has(k));
  const wanted = `columns: { ${fields.map((f) => `${f}: true`).join(', ')} }`;
  if (shaped.length > 0) {
    // Already shaped by the code: whatever it reads, it chose to load; pushdown leaves it.
    return { ok: true, code: textOf(ctx.source, load.call.node) };
  }
  const model = drizzleFacts(ctx)?.models.get(load.model);
  const missing = model ? fields.filter((f) => !model.fields.has(f)) : [];
  if (missing.length > 0) return { ok: false, reason: `${missing.map((f) => `\`${f}\``).join(', ')} ${missing.length === 1 ? 'is not a column' : 'are not columns'} of ${model?.name}`, suggestion: `load only what is read with \`${wanted}\` and \`with\` for relations` };
  const callee = textOf(ctx.source, load.call.node.callee);
  const code = load.config ? `${callee}(${objectTextAdding(ctx.source, load.config, wanted)})` : `${callee}({ ${wanted} })`;
  if (!model) return { ok: true, code, tier: 'review', note: `no table definition was found for \`${load.model}\`: check that ${fields.map((f) => `\`${f}\``).join(', ')} ${fields.length === 1 ? 'is a column' : 'are columns'} of it` };
  return { ok: true, code };
}

/** What the relational API cannot say here, with what to write instead. */
export function bySelectApi(what: string, instead: string): { ok: false; reason: string; suggestion: string } {
  return {
    ok: false,
    reason: `pushdown does not translate the where of the relational API (\`db.query\`) into ${what}`,
    suggestion: `ask the database with the select API: ${instead}`,
  };
}
