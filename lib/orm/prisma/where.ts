/**
 * Saying field tests (lib/analysis/predicate.ts) as a Prisma where clause, and
 * merging that clause into a findMany's arguments.
 *
 * Prisma and JavaScript disagree in places, and each is handled here:
 * - `{ f: undefined }` is "no filter" in Prisma, while `r.f === undefined` is
 *   false for every loaded row. A value the code cannot prove defined is
 *   returned as a guard (`v !== undefined`) for the caller to test first, or
 *   the caller declines.
 * - SQL `<>` skips NULL rows, JS `!==` keeps them: `not` only on fields the
 *   schema says are required (or against `null`, which is `IS NOT NULL`).
 * - JS `<` converts `null` to 0 (`null < 5` is true), SQL NULL compares false:
 *   ordering tests only on required fields, against values known to be defined.
 * - DateTime, Decimal, BigInt, Json and Bytes values are objects (or need
 *   exact types) in JS, where `===` is identity: declined.
 * - String equality and ordering follow the database collation (MySQL `_ci`,
 *   PAD SPACE; PostgreSQL's linguistic order; SQLite's byte order): noted in
 *   the provider's words (providers.ts), for the review tier.
 * Without a schema, nothing here can tell a field's type or nullability, so it
 * declines.
 */
import type { FieldCompare, FieldTest } from '../../analysis/predicate.js';
import type { FieldFacts, OrmFacts, ModelFacts } from '../core/facts.js';
import { stringEqualityNote, stringOrderNote } from './providers.js';
import { andObjectText, indentAt, objectTextAdding, propertyName, textOf } from '../../text.js';
import type { RuleContext } from '../../rule.js';
import type { Emit } from '../core/types.js';
import { prismaFacts, type PrismaLoad, type LoadArgs } from './load.js';

export interface PrismaWhere {
  /** `{ email: email, age: { gt: 18 } }` as text, or undefined when the tests add no condition. */
  object?: string;
  /** Its entries' keys. */
  keys: string[];
  /** Its entries' texts (`email`, `age: { gt: 18 }`). */
  entries: string[];
  /** Expressions that must be tested `!== undefined` before the where means the predicate. */
  guards: string[];
  /** Why a person should review it (collation...). */
  notes: string[];
}

export type WhereResult = ({ ok: true } & PrismaWhere) | { ok: false; reason: string; suggestion: string };

const OBJECT_TYPED = new Set(['DateTime', 'Decimal', 'BigInt', 'Json', 'Bytes']);
const NUMERIC = new Set(['Int', 'Float']);
const PRISMA_OP: Record<FieldCompare['op'], string> = { eq: 'equals', ne: 'not', lt: 'lt', lte: 'lte', gt: 'gt', gte: 'gte' };
const JS_OP: Record<FieldCompare['op'], string> = { eq: '===', ne: '!==', lt: '<', lte: '<=', gt: '>', gte: '>=' };

export function schemaModel(schema: OrmFacts | undefined, delegate: string): ModelFacts | undefined {
  return schema?.models.get(delegate);
}

/** The where clause for a conjunction of field tests, or why Prisma cannot say it with the same meaning. */
export function prismaWhereFor(tests: readonly FieldTest[], model: ModelFacts | undefined, source: string, schema: OrmFacts | undefined): WhereResult {
  if (!model) {
    return {
      ok: false,
      reason: schema ? `the schema has no model for this delegate, so pushdown cannot tell the fields' types and nullability` : "no Prisma schema was found, so pushdown cannot tell the fields' types and nullability",
      suggestion: schema ? 'check the model name' : 'point pushdown at the schema with --schema <path>',
    };
  }
  const byField = new Map<string, { scalar?: string; ops: Map<string, string> }>();
  const order: string[] = [];
  const guards: string[] = [];
  const notes = new Set<string>();
  const decline = (reason: string, suggestion = 'keep the JavaScript test, or write the where clause by hand') => ({ ok: false as const, reason, suggestion });

  // `r.f !== null && r.f > 3`: the first test makes a nullable field non-null for the others.
  const checkedNotNull = new Set(tests.filter((t) => t.kind === 'compare' && t.op === 'ne' && t.proof === 'null').map((t) => t.field));
  for (const t of tests) {
    const field = model.fields.get(t.field);
    const shown = source.slice(t.node.start ?? 0, t.node.end ?? 0);
    if (!field) return decline(`\`${shown}\` reads \`${t.field}\`, which is not a stored field of ${model.name} in the schema (a computed or extension field?)`);
    if (field.isRelation && !field.isList && t.kind === 'flag') {
      // `!p.application`: whether a to-one relation has a row; the where says it with is/isNot null.
      return decline(
        `\`${shown}\` tests whether the relation \`${t.field}\` has a row, which pushdown does not turn into a where clause`,
        `say it in the where: \`${t.field}: { ${t.negated ? 'is' : 'isNot'}: null }\``,
      );
    }
    if (!field.isScalar || field.isRelation || field.isList) {
      const how = t.kind === 'flag' ? 'tests its truthiness, which in a where would be a relation filter' : 'compares it, and `===` on objects compares references';
      return decline(`\`${shown}\` reads \`${t.field}\`, a ${field.isList ? 'list' : 'relation'} field, and ${how}`);
    }
    if (OBJECT_TYPED.has(field.typeName)) {
      return decline(`\`${shown}\` reads \`${t.field}\`, a ${field.typeName} field: its values are ${field.typeName === 'BigInt' ? 'bigints, and a number never equals one' : 'objects in JavaScript, where comparison is identity or coercion'}, while the database compares values`, 'compare in the database by hand, with a value of the exact field type');
    }
    let slot = byField.get(t.field);
    if (!slot) {
      slot = { ops: new Map() };
      byField.set(t.field, slot);
      order.push(t.field);
    }
    if (t.kind === 'flag') {
      if (field.typeName !== 'Boolean') return decline(`\`${shown}\` tests the truthiness of \`${t.field}\`, a ${field.typeName} field (an empty string or 0 is falsy), which has no where equivalent`);
      if (field.nullable) return decline(`\`${shown}\` tests a nullable Boolean: NULL is falsy in JavaScript, so it has no single where equivalent`);
      const v = t.negated ? 'false' : 'true';
      if (!setScalar(slot, v)) return decline(`\`${t.field}\` is tested twice`);
      continue;
    }
    const value = source.slice(t.value.start ?? 0, t.value.end ?? 0);
    const mismatch = typeMismatch(t, field);
    if (mismatch) return decline(`\`${shown}\` ${mismatch}`);
    const nullable = field.nullable && !checkedNotNull.has(t.field);
    if (field.typeName === 'Int' && t.proof !== 'literal' && t.proof !== 'null') notes.add(`Prisma coerces a fractional value for the Int field \`${t.field}\` (on SQLite \`${t.field}: 25.5\` matches 25), where JavaScript compares it exactly: check \`${source.slice(t.value.start ?? 0, t.value.end ?? 0)}\` is an integer`);
    if (field.typeName === 'String' && t.proof !== 'null') {
      const note = t.op === 'eq' || t.op === 'ne' ? stringEqualityNote(schema?.provider) : stringOrderNote(schema?.provider);
      if (note) notes.add(note);
    }
    if (t.op === 'eq') {
      if (t.proof === 'null') {
        if (!field.nullable) return decline(`\`${shown}\` compares a required field with null, which is never true`);
        if (!setScalar(slot, 'null')) return decline(`\`${t.field}\` is tested twice`);
        continue;
      }
      if (t.proof === 'unknown') guards.push(value);
      if (!setScalar(slot, value)) {
        if (slot.ops.has('equals')) return decline(`\`${t.field}\` is tested twice`);
        slot.ops.set('equals', value);
      }
      continue;
    }
    if (t.op === 'ne') {
      if (t.proof === 'null') {
        // `r.f !== null` on a required field is always true: no condition.
        // SQL `<>`, `<`... never match NULL: another test on the field already says it.
        if (field.nullable && !slot.ops.has('not')) slot.ops.set('not', 'null');
        continue;
      }
      if (nullable) {
        return decline(`\`${shown}\` on the nullable field \`${t.field}\`: JavaScript keeps rows where it is NULL, SQL \`<>\` skips them`, `write \`OR: [{ ${t.field}: { not: ${value} } }, { ${t.field}: null }]\` by hand if NULL rows should match`);
      }
      // An undefined value matches every row in both: `!== undefined` is always true, `not: undefined` is no filter.
      // Not so after `r.f !== null`: then Prisma would drop the filter and keep the NULL rows too.
      if (field.nullable && t.proof === 'unknown') return decline(`\`${shown}\`: pushdown cannot tell that \`${value}\` is never undefined, and Prisma would then drop the filter, NULL check included`, `give \`${value}\` a type that excludes undefined, or write the where clause by hand`);
      if (t.proof === 'unknown') notes.add(`if \`${value}\` is undefined, \`!==\` keeps every row and Prisma drops the filter: the same rows, unless the client enables \`strictUndefinedChecks\`, which makes Prisma throw instead`);
      if (slot.ops.get('not') === 'null') slot.ops.delete('not');
      if (!addOp(slot, 'not', value)) return decline(`\`${t.field}\` is tested twice with \`!==\``);
      continue;
    }
    if (nullable) return decline(`\`${shown}\` orders the nullable field \`${t.field}\`: JavaScript compares NULL as 0 (\`null < 5\` is true), SQL never matches NULL`, `test \`${t.field} !== null\` first in the predicate if NULL rows should not match, or write the where clause by hand`);
    if (!NUMERIC.has(field.typeName) && field.typeName !== 'String') return decline(`\`${shown}\` orders a ${field.typeName} field, whose order may differ between JavaScript and the database`);
    if (t.proof === 'unknown') return decline(`\`${shown}\`: pushdown cannot tell that \`${value}\` is never undefined or null; JavaScript \`${JS_OP[t.op]}\` is then false (or compares with 0), while Prisma drops an undefined filter`, `give \`${value}\` a type that excludes undefined and null, or compare with a literal`);
    if (!addOp(slot, PRISMA_OP[t.op], value)) return decline(`\`${t.field}\` is tested twice with \`${JS_OP[t.op]}\``);
  }

  const entries: string[] = [];
  const keys: string[] = [];
  for (const name of order) {
    const slot = byField.get(name)!;
    if (slot.ops.get('not') === 'null' && ['lt', 'lte', 'gt', 'gte'].some((op) => slot.ops.has(op))) slot.ops.delete('not');
    const ops = [...slot.ops].map(([k, v]) => `${k}: ${v}`);
    let text: string;
    if (slot.scalar !== undefined && ops.length === 0) text = slot.scalar === name ? name : `${name}: ${slot.scalar}`;
    else if (slot.scalar !== undefined) text = `${name}: { equals: ${slot.scalar}, ${ops.join(', ')} }`;
    else if (ops.length > 0) text = `${name}: { ${ops.join(', ')} }`;
    else continue;
    entries.push(text);
    keys.push(name);
  }
  return {
    ok: true,
    object: entries.length > 0 ? `{ ${entries.join(', ')} }` : undefined,
    keys,
    entries,
    guards: [...new Set(guards)],
    notes: [...notes],
  };
}

function setScalar(slot: { scalar?: string }, v: string): boolean {
  if (slot.scalar !== undefined) return false;
  slot.scalar = v;
  return true;
}

function addOp(slot: { ops: Map<string, string> }, op: string, v: string): boolean {
  if (slot.ops.has(op)) return false;
  slot.ops.set(op, v);
  return true;
}

/** A literal that can never equal, or be ordered against, this field's values. */
function typeMismatch(t: FieldCompare, field: FieldFacts): string | undefined {
  const vt = t.valueType;
  if (!vt || t.proof === 'null') return undefined;
  const isEnum = !NUMERIC.has(field.typeName) && !['String', 'Boolean'].includes(field.typeName);
  const expected = NUMERIC.has(field.typeName) ? 'number' : field.typeName === 'Boolean' ? 'boolean' : field.typeName === 'String' || isEnum ? 'string' : undefined;
  if (expected && vt !== expected) return `compares the ${field.typeName} field \`${t.field}\` with a ${vt}, which JavaScript never finds equal`;
  if (field.typeName === 'Int' && t.fractional) return `compares the Int field \`${t.field}\` with a fraction`;
  if (isEnum && t.op !== 'eq' && t.op !== 'ne') return `orders the enum field \`${t.field}\`, which the database orders by declaration, not by name`;
  if (field.typeName === 'Boolean' && t.op !== 'eq' && t.op !== 'ne') return `orders a Boolean field`;
  return undefined;
}

/**
 * The text of the `where` value once `added` (a where object's entries) is
 * merged into the load's existing where: into its object literal when no key
 * clashes, else `{ AND: [original, added] }`. undefined: the load has no where
 * and nothing is added. Returns null when the arguments cannot be read, and
 * a reason when the merge could throw where the original did not.
 */
export function mergedWhere(source: string, args: LoadArgs, added: PrismaWhere, filePath = ''): string | undefined | null | { reason: string } {
  if (args.kind === 'unknown') return null;
  const addedText = added.object;
  if (args.kind === 'none') return addedText;
  const prop = args.props.get('where');
  if (!prop) return addedText;
  const original = args.kind === 'ref' ? `${textOf(source, args.node)}.where` : textOf(source, prop.value);
  if (!addedText) return original;
  const value = prop.value;
  if (args.kind === 'object' && value.type === 'ObjectExpression') {
    const names = value.properties.map((p) => (p.type === 'ObjectProperty' ? propertyName(p) : undefined));
    const readable = names.every((n): n is string => n !== undefined);
    if (readable && names.length === 0) return addedText;
    if (readable && !added.keys.some((k) => names.includes(k))) return objectTextAdding(source, value, added.entries.join(', '));
  }
  // Prisma rejects `AND: [undefined, ...]`, while `where: undefined` is no filter. TypeScript
  // rejects an operand that may be undefined; plain JavaScript would fail only at run time.
  if (value.type !== 'ObjectExpression' && !/\.[cm]?tsx?$/.test(filePath)) {
    return { reason: `the where clause \`${textOf(source, value)}\` may be undefined at run time, which Prisma accepts alone but rejects inside \`AND\`` };
  }
  const at = args.kind === 'object' ? indentAt(source, prop.start ?? 0) : '';
  return andObjectText([{ text: original, from: at }, { text: addedText, from: at }], at);
}

/**
 * The load call (without await) with `tests` merged into its where:
 * `X.findMany({ where: { AND: [w, { f: v }] }, orderBy })`. Declines when the
 * JavaScript filter ran after something the where clause would run before
 * (take, skip, cursor, distinct), and when a compared value may be undefined
 * (a where clause cannot be guarded the way a boolean test can).
 */
export function prismaNarrow(load: PrismaLoad, ctx: RuleContext, tests: readonly FieldTest[]): Emit {
  const { source } = ctx;
  const receiver = textOf(source, load.receiver);
  const args = load.args;
  const call = `${receiver}.${load.method}`;
  if (args.kind === 'unknown') return { ok: false, reason: `the findMany arguments are ${args.reason}, so pushdown cannot add to its where`, suggestion: 'move the filter into where by hand' };
  if (args.kind !== 'none') {
    const unknown = [...args.props.keys()].filter((k) => !NARROW_KNOWN.has(k));
    if (unknown.length > 0) return { ok: false, reason: `findMany has argument(s) pushdown does not know: ${unknown.join(', ')}`, suggestion: 'move the filter into where by hand' };
    const order = ['take', 'skip', 'cursor', 'distinct'].find((k) => args.props.has(k));
    if (order) {
      return {
        ok: false,
        reason: `the query has \`${order}\`, which the database applies before a where clause but the JavaScript filter runs after, so the rows would differ`,
        suggestion: `keep the filter, or move it into where by hand if the ${order} was meant to apply to the filtered rows`,
      };
    }
  }
  const schema = prismaFacts(ctx);
  const where = prismaWhereFor(tests, schemaModel(schema, load.model), source, schema);
  if (!where.ok) return where;
  if (where.guards.length > 0) {
    const list = where.guards.map((g) => `\`${g}\``).join(', ');
    return {
      ok: false,
      reason: `pushdown cannot tell that ${list} is never undefined; the filter then keeps no row, but Prisma reads an undefined value as "no filter" and would keep every row`,
      suggestion: `give ${list} a type that excludes undefined (or compare with a literal), or move the filter into where by hand behind a check`,
    };
  }
  const merged = mergedWhere(source, args, where, ctx.filePath);
  if (merged === null || merged === undefined) return { ok: false, reason: 'the filter adds no condition pushdown can say', suggestion: 'keep the filter' };
  if (typeof merged === 'object') return { ok: false, reason: merged.reason, suggestion: 'move the filter into where by hand' };
  let text: string;
  if (args.kind === 'none') text = `{ where: ${merged} }`;
  else if (args.kind === 'ref') text = `{ ...${textOf(source, args.node)}, where: ${merged} }`;
  else {
    const prop = args.props.get('where');
    const obj = args.node;
    if (!prop) text = objectTextAdding(source, obj, `where: ${merged}`);
    else {
      const [from, to] = prop.shorthand ? [prop.start ?? 0, prop.end ?? 0] : [prop.value.start ?? 0, prop.value.end ?? 0];
      text = source.slice(obj.start ?? 0, from) + (prop.shorthand ? `where: ${merged}` : merged) + source.slice(to, obj.end ?? 0);
    }
  }
  return { ok: true, code: `${call}(${text})`, tier: 'review', note: where.notes.join('; ') || undefined };
}

const NARROW_KNOWN = new Set(['where', 'select', 'include', 'omit', 'relationLoadStrategy', 'orderBy', 'take', 'skip', 'cursor', 'distinct']);
