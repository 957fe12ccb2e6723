/**
 * Prisma projection: the findMany call that loads only the fields a caller reads.
 *
 * `findMany(a)` becomes `findMany({ ...a, select: { f: true, ... } })`, built
 * as text from the original arguments. With a select already there, the
 * projection keeps the entries that are read and drops the rest; a read field
 * the select does not have is declined, since the rows never carried it.
 *
 * Declines when: a read field is a relation, not a stored scalar, or unknown
 * to the schema; include or omit is present (the row shape is not the
 * model's); distinct is present; the arguments cannot be edited in place.
 * Tier: safe, but review when the repository defines result extensions
 * (a computed field may depend on fields the projection drops) or there is
 * no schema to tell scalars from relations.
 */
import type { Expression, ObjectExpression, ObjectProperty } from '@babel/types';
import type { RuleContext } from '../rule.js';
import type { SchemaModel } from '../schema.js';
import { objectTextAdding, propertyName, textOf } from '../text.js';
import type { Emit, Load } from './types.js';

/** Arguments that keep their meaning under a select. */
const KEEPS = new Set(['where', 'orderBy', 'cursor', 'take', 'skip', 'select', 'relationLoadStrategy']);
const OBJECT_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

export function prismaSelect(load: Load, ctx: RuleContext, fields: readonly string[]): Emit {
  const receiver = textOf(ctx.source, load.receiver);
  const wanted = fields.map((f) => `${f}: true`).join(', ');
  const byHand = `select only the fields you read: \`${receiver}.findMany({ ..., select: { ${wanted} } })\``;
  const model = ctx.options.schema?.models.get(load.model);
  if (ctx.options.schema && !model) {
    return { ok: false, reason: `the schema (${ctx.options.schema.source}) has no model \`${load.model}\``, suggestion: byHand };
  }
  const fieldProblem = model ? notScalar(model, fields) : fields.find((f) => OBJECT_MEMBERS.has(f) || f.startsWith('_') || f.startsWith('$'));
  if (fieldProblem) {
    return {
      ok: false,
      reason: model ? `\`${fieldProblem}\` is ${describeField(model, fieldProblem)}, so a select of plain fields cannot carry it` : `\`${fieldProblem}\` is not a stored field`,
      suggestion: 'load the relation explicitly with `select: { relation: { select: { ... } } }` if you need it, or leave the query as it is',
    };
  }

  const args = load.args;
  const callText = textOf(ctx.source, load.call.node);
  const calleeText = textOf(ctx.source, load.call.node.callee);
  const notes: string[] = [];
  if (!model) notes.push(`no Prisma schema was found, so pushdown assumes ${fields.map((f) => `\`${f}\``).join(', ')} ${fields.length === 1 ? 'is a stored scalar field' : 'are stored scalar fields'}`);
  if (ctx.options.hasResultExtensions) notes.push('the repository defines Prisma result extensions ($extends({ result })): check that no computed field you read needs the fields this select drops');
  const tier = notes.length > 0 ? 'review' : 'safe';
  const note = notes.join('; ');

  if (args.kind === 'none') return { ok: true, code: `${calleeText}({ select: { ${wanted} } })`, tier, note };
  if (args.kind !== 'object') {
    return {
      ok: false,
      reason: args.kind === 'ref' ? `the findMany arguments come from \`${textOf(ctx.source, args.node)}\`, which pushdown does not edit` : `the findMany arguments are ${args.reason}`,
      suggestion: byHand,
    };
  }
  const others = [...args.props.keys()].filter((k) => !KEEPS.has(k));
  if (others.length > 0) {
    const clash = others.filter((k) => k === 'include' || k === 'omit');
    return {
      ok: false,
      reason:
        clash.length > 0
          ? `the query has \`${clash.join('` and `')}\`, which Prisma does not allow beside \`select\``
          : others.includes('distinct')
            ? 'the query uses `distinct`, and a projection must keep the distinct fields'
            : `findMany has argument(s) pushdown does not know: ${others.join(', ')}`,
      suggestion: clash.length > 0 ? `replace \`${clash.join('`/`')}\` with \`select: { ${wanted} }\` (and the relations you read, as nested selects)` : byHand,
    };
  }

  const select = args.props.get('select');
  if (!select) {
    const obj = args.node;
    return { ok: true, code: replaceIn(callText, load, obj, objectTextAdding(ctx.source, obj, `select: { ${wanted} }`)), tier, note };
  }
  const merged = mergeSelect(ctx.source, select, fields);
  if (!merged.ok) return { ok: false, reason: merged.reason, suggestion: byHand };
  if (merged.text === undefined) return { ok: true, code: callText, tier, note };
  return { ok: true, code: replaceIn(callText, load, select.value as Expression, merged.text), tier, note };
}

/** The first field that is not a stored scalar of the model. */
function notScalar(model: SchemaModel, fields: readonly string[]): string | undefined {
  return fields.find((f) => {
    const field = model.fields.get(f);
    return !field || !field.isScalar || field.isRelation;
  });
}

function describeField(model: SchemaModel, name: string): string {
  const field = model.fields.get(name);
  if (!field) return `not a field of ${model.name} in the schema (a computed or misspelt field?)`;
  if (field.isRelation) return `a relation of ${model.name}`;
  return `of type ${field.type}, not a scalar`;
}

/**
 * The existing select narrowed to the read fields, keeping each kept entry's
 * text. undefined text: it already selects exactly those.
 */
function mergeSelect(source: string, select: ObjectProperty, fields: readonly string[]): { ok: true; text?: string } | { ok: false; reason: string } {
  const value = select.value;
  if (value.type !== 'ObjectExpression') return { ok: false, reason: 'the existing `select` is not an object literal' };
  const entries = new Map<string, ObjectProperty>();
  for (const p of value.properties) {
    const name = p.type === 'ObjectProperty' ? propertyName(p) : undefined;
    if (p.type !== 'ObjectProperty' || name === undefined) return { ok: false, reason: 'the existing `select` has a spread, method or computed key' };
    if (p.value.type !== 'BooleanLiteral') return { ok: false, reason: `the existing \`select\` picks \`${name}\` with \`${textOf(source, p.value)}\`, not \`true\`/\`false\`` };
    entries.set(name, p);
  }
  const missing = fields.filter((f) => !(entries.get(f)?.value as { value?: boolean } | undefined)?.value);
  if (missing.length > 0) return { ok: false, reason: `the code reads ${missing.map((f) => `\`${f}\``).join(', ')}, which the existing \`select\` does not load` };
  const keep = [...entries.values()].filter((p) => fields.includes(propertyName(p) ?? ''));
  if (keep.length === value.properties.length) return { ok: true };
  const inner = keep.map((p) => textOf(source, p)).join(', ');
  return { ok: true, text: `{ ${inner} }` };
}

/** The call text with one node inside it replaced. */
function replaceIn(callText: string, load: Load, node: ObjectExpression | Expression, text: string): string {
  const base = load.call.node.start ?? 0;
  return callText.slice(0, (node.start ?? 0) - base) + text + callText.slice((node.end ?? 0) - base);
}
