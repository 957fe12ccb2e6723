/**
 * Saying field tests (lib/analysis/predicate.ts) as a Sequelize where object,
 * and merging it into a findAll's options.
 *
 * Where Sequelize and JavaScript disagree:
 * - an `undefined` value in a where throws in Sequelize 6 ("WHERE parameter
 *   has invalid undefined value"), while `r.f === undefined` is a plain
 *   false: a value the code cannot prove defined is declined, never emitted;
 * - SQL `<>` and `<` skip NULL rows, while JS `!==` keeps them and `null < 5`
 *   is true: `[Op.ne]` and ordering only on columns declared `allowNull: false`
 *   (or against `null`: `{ [Op.ne]: null }` is IS NOT NULL);
 * - DATE, DECIMAL, BIGINT and JSON values are objects, strings or bigints in
 *   JS, where `===` is identity or type-strict: declined;
 * - strings compare by the database collation (MySQL `_ci`, PAD SPACE): noted
 *   for the review tier.
 */
import type { FieldCompare, FieldTest } from '../../analysis/predicate.js';
import type { ModelFacts } from '../core/facts.js';
import type { OptionsArg } from '../core/options-arg.js';
import { objectTextAdding, propertyName, textOf } from '../../text.js';

export type SequelizeWhere = { ok: true; entries: string[]; keys: string[]; notes: string[] } | { ok: false; reason: string; suggestion: string };

const OP: Record<FieldCompare['op'], string> = { eq: 'eq', ne: 'ne', lt: 'lt', lte: 'lte', gt: 'gt', gte: 'gte' };
const COMPARABLE = new Set(['int', 'float', 'string', 'enum', 'boolean']);

export function sequelizeWhereFor(tests: readonly FieldTest[], model: ModelFacts, source: string): SequelizeWhere {
  const byField = new Map<string, string[]>();
  const notes = new Set<string>();
  const decline = (reason: string) => ({ ok: false as const, reason, suggestion: 'keep the JavaScript test, or write the where by hand' });
  const checkedNotNull = new Set(tests.filter((t) => t.kind === 'compare' && t.op === 'ne' && t.proof === 'null').map((t) => t.field));
  for (const t of tests) {
    const shown = source.slice(t.node.start ?? 0, t.node.end ?? 0);
    const f = model.fields.get(t.field);
    if (!f) return decline(`\`${shown}\` reads \`${t.field}\`, which is not an attribute of ${model.name} (a getter or an association?)`);
    if (!f.isScalar || f.isList) return decline(`\`${shown}\` reads \`${t.field}\`, a ${f.typeName} attribute that is not a plain stored column`);
    if (!COMPARABLE.has(f.type)) return decline(`\`${shown}\` reads \`${t.field}\`, a ${f.typeName} attribute: its values are ${f.type === 'date' ? 'Date objects' : f.type === 'bigint' ? 'bigints or strings' : 'objects or strings'} in JavaScript, where comparison is identity or type-strict, while the database compares values`);
    const list = byField.get(t.field) ?? [];
    byField.set(t.field, list);
    if (t.kind === 'flag') {
      if (f.type !== 'boolean') return decline(`\`${shown}\` tests the truthiness of \`${t.field}\`, a ${f.typeName} attribute (0, '' and NULL are falsy in JavaScript)`);
      if (f.nullable) return decline(`\`${shown}\` tests \`${t.field}\`, which may be NULL (falsy in JavaScript, but neither true nor false in SQL)`);
      list.push(t.negated ? 'false' : 'true');
      continue;
    }
    if (t.proof === 'unknown') return decline(`pushdown cannot tell that \`${source.slice(t.value.start ?? 0, t.value.end ?? 0)}\` is never undefined, and Sequelize throws on an undefined value in a where`);
    if (t.fractional && f.type === 'int') return decline(`\`${shown}\` compares the INTEGER \`${t.field}\` with a fraction`);
    const value = source.slice(t.value.start ?? 0, t.value.end ?? 0);
    if (t.proof === 'null') {
      if (t.op === 'eq') list.push('null');
      else if (t.op === 'ne') list.push('{ [Op.ne]: null }');
      else return decline(`\`${shown}\` orders against null`);
      continue;
    }
    if (t.op !== 'eq' && f.nullable && !checkedNotNull.has(t.field)) {
      return decline(`\`${shown}\` reads \`${t.field}\`, which may be NULL: JavaScript ${t.op === 'ne' ? 'keeps NULL rows under `!==`' : 'reads null as 0 when ordering'}, SQL skips them`);
    }
    if (f.type === 'string' || f.type === 'enum') notes.add(`\`${t.field}\` is a string: the database compares it by its collation (case-insensitive and blank-padded on MySQL's default), JavaScript by code units`);
    list.push(t.op === 'eq' ? value : `{ [Op.${OP[t.op]}]: ${value} }`);
  }
  const entries: string[] = [];
  for (const [field, conds] of byField) {
    if (conds.length === 1) entries.push(`${field}: ${conds[0]}`);
    else entries.push(`${field}: { [Op.and]: [${conds.join(', ')}] }`);
  }
  return { ok: true, entries, keys: [...byField.keys()], notes: [...notes] };
}

/**
 * The options text with `entries` added to its where: as new keys when the
 * where is an object literal with none of them, else `{ [Op.and]: [w, { … }] }`.
 * Undefined when the where cannot be merged (not a literal: it may be undefined,
 * which `Op.and` does not accept).
 */
export function optionsWithWhere(source: string, args: OptionsArg, entries: readonly string[]): string | undefined {
  const added = `{ ${entries.join(', ')} }`;
  if (args.kind === 'none') return `{ where: ${added} }`;
  if (args.kind !== 'object') return undefined;
  const prop = args.props.get('where');
  if (!prop) return objectTextAdding(source, args.node, `where: ${added}`);
  const value = prop.value;
  if (value.type !== 'ObjectExpression') return undefined;
  const names = value.properties.map((p) => (p.type === 'ObjectProperty' ? propertyName(p) : undefined));
  let merged: string;
  if (names.length === 0) merged = added;
  else if (names.every((n): n is string => n !== undefined) && !entries.some((e) => names.includes(e.slice(0, e.indexOf(':'))))) merged = objectTextAdding(source, value, entries.join(', '));
  else merged = `{ [Op.and]: [${textOf(source, value)}, ${added}] }`;
  const obj = args.node;
  return source.slice(obj.start ?? 0, value.start ?? 0) + merged + source.slice(value.end ?? 0, obj.end ?? 0);
}
