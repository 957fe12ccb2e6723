/**
 * Prisma: "does the load return any row?" and "how many rows, up to n?".
 *
 * exists: `(await X.findFirst({ where, select: { <id>: true } })) !== null`.
 * findFirst takes where, orderBy, cursor, skip, take and distinct like
 * findMany; for emptiness only where matters: orderBy and distinct never make
 * a non-empty result empty, a positive literal take neither. With skip or
 * cursor the question is "is there a row after these", which pushdown does not
 * rewrite (ORM-NOTES §2.2). With no schema (or no single-field id) the id is
 * unknown, and `(await X.count({ where, take: 1 })) > 0` says the same thing
 * without naming a field.
 *
 * boundedCount: `X.count({ where, cursor, skip, take: n })` counts at most n
 * rows: enough to answer `rows.length === 1` with `take: 2`.
 */
import type { FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { indentAt, objectTextAdding, objectTextKeeping, propertyName, textOf } from '../../text.js';
import { mergedWhere, prismaWhereFor, schemaModel, type PrismaWhere } from './where.js';
import type { Emit } from '../core/types.js';
import { prismaFacts, type PrismaLoad } from './load.js';
import { singleKey } from '../core/facts.js';
import { parseSnippet } from '../../parse.js';
import type { Expression, ObjectExpression, ObjectProperty } from '@babel/types';

/** findMany arguments that never change whether a result is empty. */
const EMPTINESS_IGNORES = new Set(['select', 'include', 'omit', 'relationLoadStrategy', 'orderBy', 'distinct', 'take']);
const KNOWN = new Set([...EMPTINESS_IGNORES, 'where', 'cursor', 'skip']);
const COUNT_KEEPS = new Set(['where', 'cursor', 'skip']);

const NOTHING: PrismaWhere = { keys: [], entries: [], guards: [], notes: [] };

export interface ExistsOptions {
  /** Test for "no row" instead of "some row". */
  empty: boolean;
  /** Field tests to add to where (a `.some(pred)`). */
  tests?: readonly FieldTest[];
}

export function prismaExists(load: PrismaLoad, ctx: RuleContext, opts: ExistsOptions): Emit {
  const { source } = ctx;
  const receiver = textOf(source, load.receiver);
  const args = load.args;
  if (args.kind === 'unknown') {
    return { ok: false, reason: `the findMany arguments are ${args.reason}, so pushdown cannot tell which rows it loads`, suggestion: `test existence by hand: \`(await ${receiver}.findFirst({ where, select: { id: true } })) !== null\`` };
  }
  const props = args.kind === 'none' ? new Map<string, ObjectProperty>() : args.props;
  const unknown = [...props.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return { ok: false, reason: `findMany has argument(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: 'test existence by hand, keeping every argument that narrows the rows' };
  for (const key of ['skip', 'cursor']) {
    if (props.has(key)) {
      return {
        ok: false,
        reason: `the query has \`${key}\`, so the test asks whether rows exist ${key === 'skip' ? 'past an offset' : 'from a cursor on'}, which an existence query over the where clause does not answer`,
        suggestion: `keep the load, or ask \`(await ${receiver}.count({ where, ${key}, take: 1 })) > 0\` by hand`,
      };
    }
  }
  const tests = opts.tests ?? [];
  const take = props.get('take');
  if (take && !positiveInteger(take.value)) {
    return { ok: false, reason: `the query has \`take: ${textOf(source, take.value)}\`, which is not a positive number pushdown can read (0 returns no row, a negative take counts from the end), so emptiness depends on it`, suggestion: 'test existence by hand, taking the take into account' };
  }
  if (tests.length > 0) {
    for (const key of ['take', 'distinct']) {
      if (props.has(key)) {
        return {
          ok: false,
          reason: `the query has \`${key}\`, so the predicate sees only ${key === 'take' ? 'the first rows' : 'one row per distinct value'}, while a where clause would test every row`,
          suggestion: 'keep the JavaScript test, or drop the take/distinct if it was not meant to limit the test',
        };
      }
    }
  }
  const schema = prismaFacts(ctx);
  const model = schemaModel(schema, load.model);
  let added = NOTHING;
  if (tests.length > 0) {
    const where = prismaWhereFor(tests, model, source, schema);
    if (!where.ok) return where;
    added = where;
  }
  const merged = mergedWhere(source, args, added, ctx.filePath);
  if (merged === null) return { ok: false, reason: 'the findMany arguments cannot be read', suggestion: 'test existence by hand' };
  if (typeof merged === 'object') return { ok: false, reason: merged.reason, suggestion: 'test existence by hand' };
  const id = singleKey(model);
  const entries = [...(merged === undefined ? [] : merged === 'where' ? ['where'] : [`where: ${merged}`]), id ? `select: { ${id}: true }` : 'take: 1'];
  // A where over several lines keeps them: one argument a line, where the findMany's were.
  const whereProp = args.kind === 'object' ? args.props.get('where') : undefined;
  const argsText =
    whereProp && args.kind === 'object' && entries[0].includes('\n')
      ? `{\n${entries.map((e) => `${indentAt(source, whereProp.start ?? 0)}${e},\n`).join('')}${indentAt(source, (args.node.end ?? 1) - 1)}}`
      : `{ ${entries.join(', ')} }`;
  const test = id
    ? `(await ${receiver}.findFirst(${argsText})) ${opts.empty ? '===' : '!=='} null`
    : `(await ${receiver}.count(${argsText})) ${opts.empty ? '=== 0' : '> 0'}`;
  const guards = added.guards.map((g) => (opts.empty ? `${g} === undefined || ` : `${g} !== undefined && `)).join('');
  const notes = [...added.notes];
  if (added.guards.length > 0) notes.push(`Prisma reads an undefined value as "no filter", so the query runs only when ${added.guards.map((g) => `\`${g}\``).join(', ')} is defined`);
  return { ok: true, code: guards + test, tier: tests.length > 0 ? 'review' : 'safe', note: notes.join('; ') || undefined };
}

/** `X.count({ ..., take: bound })`, without await: resolves to min(rows, bound). */
export function prismaBoundedCount(load: PrismaLoad, ctx: RuleContext, bound: number): Emit {
  const { source } = ctx;
  const receiver = textOf(source, load.receiver);
  const args = load.args;
  const cannot = (reason: string): Emit => ({ ok: false, reason, suggestion: `count by hand with \`take: ${bound}\`` });
  if (args.kind === 'none') return { ok: true, code: `${receiver}.count({ take: ${bound} })` };
  if (args.kind === 'unknown') return cannot(`the findMany arguments are ${args.reason}`);
  const unknown = [...args.props.keys()].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return cannot(`findMany has argument(s) pushdown does not know: ${unknown.join(', ')}`);
  if (args.props.has('distinct')) return cannot("the query uses `distinct`, and Prisma's count() has no distinct (prisma#4228)");
  const take = args.props.get('take');
  let limit = bound;
  if (take) {
    const t = positiveInteger(take.value);
    if (t === undefined) return cannot(`the query has \`take: ${textOf(source, take.value)}\``);
    limit = Math.min(t, bound);
  }
  const keep = (name: string) => COUNT_KEEPS.has(name) || (name === 'orderBy' && args.props.has('cursor'));
  if (args.kind === 'ref') {
    if ([...args.props.keys()].every(keep)) return { ok: true, code: `${receiver}.count({ ...${textOf(source, args.node)}, take: ${limit} })` };
    return cannot(`the findMany arguments come from \`${textOf(source, args.node)}\`, which also carries arguments count() rejects`);
  }
  const kept = objectTextKeeping(source, args.node, (p) => keep(propertyName(p) ?? ''));
  if (kept === undefined) return { ok: true, code: `${receiver}.count({ take: ${limit} })` };
  // Re-read the kept text as an object to add take with its layout.
  const keptObject = reparseObject(kept);
  const text = keptObject ? objectTextAdding(kept, keptObject, `take: ${limit}`) : `${kept.slice(0, -1).replace(/\s*,?\s*$/, '')}, take: ${limit} }`;
  return { ok: true, code: `${receiver}.count(${text})` };
}

function positiveInteger(value: ObjectProperty['value']): number | undefined {
  const v = value as Expression;
  if (v.type === 'NumericLiteral' && Number.isInteger(v.value) && v.value > 0) return v.value;
  return undefined;
}

function reparseObject(text: string): ObjectExpression | undefined {
  const e = parseSnippet(text);
  return e?.type === 'ObjectExpression' ? e : undefined;
}
