/**
 * Prisma projection: the findMany call that loads only the fields a caller reads.
 *
 * Three starting points, each built as text from the original arguments:
 * - no select or include: `findMany(a)` becomes `findMany({ ...a, select: { f: true, ... } })`;
 *   every read field must be a stored scalar.
 * - a select: it keeps the entries that are read, with their text (a nested
 *   relation select, `_count`), and drops the rest. When it already selects
 *   exactly what is read, the call is returned as it is (nothing to say). A
 *   read field the select does not load is declined: the rows never carried it.
 * - an include: it becomes a select of the scalars read plus the included
 *   relations read, each with its include value unchanged (`include: { rel: X }`
 *   and `select: { rel: X }` take the same arguments and load the same
 *   relation); included relations that are not read are dropped.
 *
 * `distinct` is kept when the new select still loads every distinct field;
 * otherwise an existing select is left as it is, and a query without one is
 * declined. Declines when: a field to add is a relation, not a stored scalar,
 * or unknown to the schema; omit is present; the arguments cannot be edited
 * in place. Never proposes a select that loads more than the query does now.
 * Tier: safe, but review when the repository defines result extensions
 * (a computed field may depend on fields the projection drops) or when there
 * is no schema and a field is added on the assumption that it is a scalar.
 */
import type { Expression, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../../rule.js';
import type { ModelFacts } from '../core/facts.js';
import { objectTextAdding, objectTextKeeping, propertyName, textOf } from '../../text.js';
import type { Emit } from '../core/types.js';
import { prismaFacts, hasResultExtensions, type PrismaLoad } from './load.js';

/** Arguments that keep their meaning under a select. */
const KEEPS = new Set(['where', 'orderBy', 'cursor', 'take', 'skip', 'select', 'include', 'distinct', 'relationLoadStrategy']);
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

export function prismaSelect(load: PrismaLoad, ctx: RuleContext, fields: readonly string[], nested: ReadonlyMap<string, readonly string[]> = new Map()): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const wanted = fields.map((f) => `${f}: true`).join(', ');
  const byHand = `select only the fields you read: \`${receiver}.findMany({ ..., select: { ${wanted} } })\``;
  const args = load.args;
  const callText = textOf(ctx.source, load.call.node);
  const unchanged: Emit = { ok: true, code: callText };
  if (args.kind === 'unknown') return { ok: false, reason: `the findMany arguments are ${args.reason}`, suggestion: byHand };
  const props: ReadonlyMap<string, ObjectProperty> = args.kind === 'none' ? new Map() : args.props;

  const others = [...props.keys()].filter((k) => !KEEPS.has(k));
  if (others.length > 0) {
    return others.includes('omit')
      ? { ok: false, reason: 'the query has `omit`, which Prisma does not allow beside `select`', suggestion: `replace \`omit\` with \`select: { ${wanted} }\`` }
      : { ok: false, reason: `findMany has argument(s) pushdown does not know: ${others.join(', ')}`, suggestion: byHand };
  }
  const select = props.get('select');
  const include = props.get('include');
  // Both at once is a query Prisma rejects: not this rule's business.
  if (select && include) return unchanged;

  const relation = (p: ObjectProperty): string | undefined => narrowedRelation(ctx, load, p, nested);
  const plan = select ? narrowSelect(ctx.source, select, fields, relation) : include ? selectForInclude(ctx, load, include, fields, relation) : selectForScalars(ctx, load, fields);
  if (plan.kind === 'keep') return unchanged;
  if (plan.kind === 'decline') return { ok: false, reason: plan.reason, suggestion: plan.suggestion ?? byHand };

  const distinct = props.get('distinct');
  if (distinct) {
    const on = distinctFields(distinct);
    const lost = on === undefined ? undefined : on.filter((f) => !plan.keys.includes(f));
    if (lost === undefined || lost.length > 0) {
      if (select) return unchanged;
      return {
        ok: false,
        reason: lost === undefined ? 'the query uses `distinct` on fields pushdown cannot read' : `the query uses \`distinct\` on ${lost.map((f) => `\`${f}\``).join(', ')}, which the map does not read`,
        suggestion: `select what you read and the distinct fields: \`select: { ${[...plan.keys, ...(lost ?? [])].map((f) => `${f}: true`).join(', ')} }\``,
      };
    }
  }

  if (args.kind === 'ref') {
    return { ok: false, reason: `the findMany arguments come from \`${textOf(ctx.source, args.node)}\`, which pushdown does not edit`, suggestion: `use \`select: ${plan.text}\` there` };
  }
  const notes: string[] = [];
  if (plan.assumed.length > 0) {
    notes.push(`no Prisma schema was found, so pushdown assumes ${plan.assumed.map((f) => `\`${f}\``).join(', ')} ${plan.assumed.length === 1 ? 'is a stored scalar field' : 'are stored scalar fields'}`);
  }
  if (hasResultExtensions(ctx)) notes.push('the repository defines Prisma result extensions ($extends({ result })): check that no computed field you read needs the fields this select drops');
  const tier = notes.length > 0 ? 'review' : 'safe';
  const note = notes.join('; ');

  if (args.kind === 'none') return { ok: true, code: `${textOf(ctx.source, load.call.node.callee)}({ select: ${plan.text} })`, tier, note };
  if (select) return { ok: true, code: replaceIn(callText, load, select.value as Expression, plan.text), tier, note };
  if (include) return { ok: true, code: replaceIn(callText, load, include, `select: ${plan.text}`), tier, note };
  return { ok: true, code: replaceIn(callText, load, args.node, objectTextAdding(ctx.source, args.node, `select: ${plan.text}`)), tier, note };
}

type Plan =
  /** The query already loads exactly what is read, or pushdown cannot tell and leaves it alone. */
  | { kind: 'keep' }
  | { kind: 'decline'; reason: string; suggestion?: string }
  /** The new select object's text, the keys it selects, and fields assumed scalar without a schema. */
  | { kind: 'select'; text: string; keys: string[]; assumed: string[] };

/**
 * An existing select narrowed to the read fields, each kept entry with its
 * text (a nested select of a relation, `_count`). It already selects exactly
 * those, or pushdown cannot read it: keep.
 */
function narrowSelect(source: string, select: ObjectProperty, fields: readonly string[], relation: (p: ObjectProperty) => string | undefined): Plan {
  const value = select.value;
  if (value.type !== 'ObjectExpression') return { kind: 'keep' };
  const entries = new Map<string, ObjectProperty>();
  for (const p of value.properties) {
    const name = p.type === 'ObjectProperty' ? propertyName(p) : undefined;
    if (p.type !== 'ObjectProperty' || name === undefined) return { kind: 'keep' };
    entries.set(name, p);
  }
  const missing = fields.filter((f) => {
    const v = entries.get(f)?.value;
    return !v || (v.type === 'BooleanLiteral' && !v.value);
  });
  if (missing.length > 0) return { kind: 'decline', reason: `the code reads ${names(missing)}, which the existing \`select\` does not load`, suggestion: neverLoaded(missing, 'the select') };
  // An entry that is not read goes only when its value is a literal: anything else may have been written for its effect.
  const drop = (p: ObjectProperty) => !fields.includes(propertyName(p) ?? '') && (p.value.type === 'BooleanLiteral' || p.value.type === 'ObjectExpression');
  const kept = value.properties.filter((p): p is ObjectProperty => p.type === 'ObjectProperty' && !drop(p));
  if (kept.length === value.properties.length && !kept.some((p) => relation(p) !== undefined)) return { kind: 'keep' };
  const text = objectTextKeeping(source, value, (p) => !drop(p), relation);
  if (text === undefined) return { kind: 'keep' };
  return { kind: 'select', text, keys: kept.map((p) => propertyName(p) ?? ''), assumed: [] };
}

/** An include becomes a select: the included relations that are read keep their value, the other reads are scalars. */
function selectForInclude(ctx: RuleContext, load: PrismaLoad, include: ObjectProperty, fields: readonly string[], relation: (p: ObjectProperty) => string | undefined): Plan {
  const value = include.value;
  if (value.type !== 'ObjectExpression') {
    return { kind: 'decline', reason: `the query includes \`${textOf(ctx.source, value)}\`, which pushdown cannot read`, suggestion: 'replace `include` with a `select` of the fields you read and the relations you read, each with its include value' };
  }
  const included = new Map<string, ObjectProperty>();
  for (const p of value.properties) {
    const name = p.type === 'ObjectProperty' ? propertyName(p) : undefined;
    if (p.type !== 'ObjectProperty' || name === undefined) {
      return { kind: 'decline', reason: 'the `include` has a spread, method or computed key', suggestion: 'replace `include` with a `select` of the fields you read and the relations you read, each with its include value' };
    }
    included.set(name, p);
  }
  const relations = fields.filter((f) => included.has(f));
  const off = relations.filter((f) => {
    const v = included.get(f)?.value;
    return v?.type === 'BooleanLiteral' && !v.value;
  });
  if (off.length > 0) return { kind: 'decline', reason: `the code reads ${names(off)}, which the query does not include`, suggestion: neverLoaded(off, 'the include') };
  const scalars = fields.filter((f) => !included.has(f));
  const checked = checkScalars(ctx, load, scalars, 'the query does not include it');
  if (checked.kind === 'decline') return checked;
  const entries = fields.map((f) => {
    const p = included.get(f);
    return p ? (relation(p) ?? textOf(ctx.source, p)) : `${f}: true`;
  });
  return { kind: 'select', text: objectText(ctx.source, value, entries), keys: [...fields], assumed: checked.assumed };
}

/**
 * `rel: true` for a to-one relation whose row the code reads only through
 * stored scalar fields (`row.author.name`): the property as `rel: { select:
 * { name: true } }`, which loads the same values of those fields. Anything
 * else (a list, another value, a field that is a relation, no schema): undefined.
 */
function narrowedRelation(ctx: RuleContext, load: PrismaLoad, p: ObjectProperty, nested: ReadonlyMap<string, readonly string[]>): string | undefined {
  const name = propertyName(p);
  const sub = name === undefined ? undefined : nested.get(name);
  if (!sub || sub.length === 0 || p.value.type !== 'BooleanLiteral' || !p.value.value || p.shorthand) return undefined;
  const schema = prismaFacts(ctx);
  const field = schema?.models.get(load.model)?.fields.get(name as string);
  if (!schema || !field || !field.isRelation || field.isList) return undefined;
  const related = [...schema.models.values()].find((m) => m.name === field.typeName);
  if (!related || notScalar(related, sub)) return undefined;
  return `${textOf(ctx.source, p.key)}: { select: { ${sub.map((f) => `${f}: true`).join(', ')} } }`;
}

function selectForScalars(ctx: RuleContext, load: PrismaLoad, fields: readonly string[]): Plan {
  const checked = checkScalars(ctx, load, fields, 'the query does not load it');
  if (checked.kind === 'decline') return checked;
  return { kind: 'select', text: `{ ${fields.map((f) => `${f}: true`).join(', ')} }`, keys: [...fields], assumed: checked.assumed };
}

/** Fields a new select adds as `f: true`: each must be a stored scalar (assumed so, and named, with no schema). */
function checkScalars(ctx: RuleContext, load: PrismaLoad, fields: readonly string[], unloaded: string): { kind: 'ok'; assumed: string[] } | { kind: 'decline'; reason: string; suggestion: string } {
  if (fields.length === 0) return { kind: 'ok', assumed: [] };
  const schema = prismaFacts(ctx);
  const model = schema?.models.get(load.model);
  const leave = 'leave the query as it is, or load what you need explicitly';
  if (schema && !model) {
    return { kind: 'decline', reason: `the schema (${schema.source}) has no model \`${load.model}\``, suggestion: `select only the fields you read: \`select: { ${fields.map((f) => `${f}: true`).join(', ')} }\`` };
  }
  if (model) {
    const bad = notScalar(model, fields);
    if (bad) return { kind: 'decline', reason: `\`${bad}\` is ${describeField(model, bad, unloaded)}`, suggestion: leave };
    return { kind: 'ok', assumed: [] };
  }
  const bad = fields.find((f) => OBJECT_MEMBERS.has(f) || f.startsWith('_') || f.startsWith('$'));
  if (bad) return { kind: 'decline', reason: `\`${bad}\` is not a stored field`, suggestion: leave };
  return { kind: 'ok', assumed: [...fields] };
}

const names = (fields: readonly string[]): string => fields.map((f) => `\`${f}\``).join(', ');

/** What to do about reads of fields the rows never carry (always undefined): nothing that loads more unasked. */
function neverLoaded(fields: readonly string[], where: string): string {
  return `${names(fields)} ${fields.length === 1 ? 'is' : 'are'} undefined on every row now: stop reading ${fields.length === 1 ? 'it' : 'them'}, or add ${fields.length === 1 ? 'it' : 'them'} to ${where} if the code needs ${fields.length === 1 ? 'it' : 'them'}`;
}

/** The first field that is not a stored scalar of the model. */
function notScalar(model: ModelFacts, fields: readonly string[]): string | undefined {
  return fields.find((f) => {
    const field = model.fields.get(f);
    return !field || !field.isScalar || field.isRelation;
  });
}

function describeField(model: ModelFacts, name: string, unloaded: string): string {
  if (name === '_count') return `Prisma's relation count, and ${unloaded}`;
  const field = model.fields.get(name);
  if (!field) return `not a field of ${model.name} in the schema (a computed or misspelt field?)`;
  if (field.isRelation) return `a relation of ${model.name}, and ${unloaded}`;
  return `of type ${field.typeName}, not a scalar`;
}

/** The fields `distinct` names, when they are all string literals. */
function distinctFields(distinct: ObjectProperty): string[] | undefined {
  const v = distinct.value;
  if (v.type === 'StringLiteral') return [v.value];
  if (v.type !== 'ArrayExpression') return undefined;
  const out: string[] = [];
  for (const e of v.elements) {
    if (e?.type !== 'StringLiteral') return undefined;
    out.push(e.value);
  }
  return out;
}

/** An object literal of `entries`, laid out like `like` (one entry a line when it spans lines). */
function objectText(source: string, like: ObjectExpression, entries: readonly string[]): string {
  const text = textOf(source, like);
  const first = like.properties[0];
  if (!text.includes('\n') || !first) return `{ ${entries.join(', ')} }`;
  const inner = /\n([ \t]*)$/.exec(source.slice(like.start ?? 0, first.start ?? 0))?.[1];
  const close = /\n([ \t]*)\}$/.exec(text)?.[1];
  if (inner === undefined || close === undefined) return `{ ${entries.join(', ')} }`;
  return `{\n${entries.map((e) => `${inner}${e},\n`).join('')}${close}}`;
}

/** The call text with one node inside it replaced. */
function replaceIn(callText: string, load: PrismaLoad, node: ObjectExpression | ObjectProperty | Expression, text: string): string {
  const base = load.call.node.start ?? 0;
  return callText.slice(0, (node.start ?? 0) - base) + text + callText.slice((node.end ?? 0) - base);
}
