/**
 * Saying field tests (lib/analysis/predicate.ts) as Drizzle conditions on the
 * load's table: `r.age >= v` → `gte(users.age, v)`, `r.active` →
 * `eq(users.active, true)`, `r.name === null` → `isNull(users.name)`.
 *
 * Where SQL and JavaScript disagree:
 * - `eq(col, null)` is `= NULL`, never true: null is said with `isNull` /
 *   `isNotNull`, and a value that may be null (or undefined: Drizzle binds it
 *   as a parameter, while `r.f === undefined` is false for every row) is
 *   declined, as the code cannot show it is neither;
 * - SQL `<>`, `<`, `>` skip NULL rows, JS `!==` keeps them and `null < 5` is
 *   true: on nullable columns only after `r.f !== null`;
 * - Date, decimal (strings in JS), bigint and JSON columns compare by identity,
 *   as strings or by type in JS: declined; strings follow the collation: noted.
 * Without table facts nothing here can tell a column's type or nullability,
 * so it declines.
 */
import type { FieldTest } from '../../analysis/predicate.js';
import type { ModelFacts } from '../core/facts.js';
import { an } from './messages.js';

export type Conditions = { ok: true; conditions: string[]; names: string[]; notes: string[] } | { ok: false; reason: string; suggestion: string };

const OP: Record<string, string> = { eq: 'eq', ne: 'ne', lt: 'lt', lte: 'lte', gt: 'gt', gte: 'gte' };
const COMPARABLE = new Set(['int', 'float', 'string', 'boolean']);
const JS_TYPE: Record<string, string> = { int: 'number', float: 'number', string: 'string', boolean: 'boolean' };

export function conditionsFor(tests: readonly FieldTest[], table: string, model: ModelFacts | undefined, source: string): Conditions {
  const decline = (reason: string, suggestion = 'keep the JavaScript test, or write the condition by hand') => ({ ok: false as const, reason, suggestion });
  if (!model) return decline("no Drizzle table definition was found for this table, so pushdown cannot tell the columns' types and nullability", 'point pushdown at the schema with --schema <file or folder>');
  const conditions: string[] = [];
  const names = new Set<string>();
  const notes = new Set<string>();
  const checkedNotNull = new Set(tests.filter((t) => t.kind === 'compare' && t.op === 'ne' && t.proof === 'null').map((t) => t.field));
  for (const t of tests) {
    const field = model.fields.get(t.field);
    const shown = source.slice(t.node.start ?? 0, t.node.end ?? 0);
    const col = `${table}.${t.field}`;
    if (!field) return decline(`\`${shown}\` reads \`${t.field}\`, which is not a column of ${model.name}`);
    if (!COMPARABLE.has(field.type)) {
      return decline(`\`${shown}\` reads \`${t.field}\`, ${an(field.typeName)} column: JavaScript compares its values ${field.type === 'date' ? 'as objects (by identity)' : field.type === 'decimal' ? 'as strings' : 'by identity or type'}, while the database compares values`, 'compare in the database by hand, with a value of the exact column type');
    }
    if (t.kind === 'flag') {
      if (field.type !== 'boolean') return decline(`\`${shown}\` tests the truthiness of \`${t.field}\`, ${an(field.typeName)} column (an empty string or 0 is falsy), which has no condition of its own`);
      if (field.nullable) return decline(`\`${shown}\` tests a nullable boolean: NULL is falsy in JavaScript, so no single condition says it`);
      conditions.push(`eq(${col}, ${t.negated ? 'false' : 'true'})`);
      names.add('eq');
      continue;
    }
    const value = source.slice(t.value.start ?? 0, t.value.end ?? 0);
    if (t.valueType && t.proof !== 'null' && JS_TYPE[field.type] !== t.valueType) return decline(`\`${shown}\` compares the ${field.typeName} column \`${t.field}\` with a ${t.valueType}`);
    if (field.type === 'string' && t.proof !== 'null') notes.add('string comparison follows the database collation (MySQL `_ci` collations ignore case, PAD SPACE ones trailing spaces), while JavaScript compares code units');
    if (t.proof === 'null') {
      if (t.op === 'eq') {
        if (!field.nullable) return decline(`\`${shown}\` compares a not-null column with null, which is never true`);
        conditions.push(`isNull(${col})`);
        names.add('isNull');
      } else if (t.op === 'ne') {
        if (field.nullable) {
          conditions.push(`isNotNull(${col})`);
          names.add('isNotNull');
        }
      } else return decline(`\`${shown}\` orders against null`);
      continue;
    }
    if (t.proof === 'unknown') {
      return decline(
        `\`${value}\` in \`${shown}\` may be undefined or null: JavaScript then matches no row (or the NULL rows), while \`${OP[t.op]}(${col}, ${value})\` binds it as a parameter`,
        `check \`${value}\` first (\`${value} !== undefined && ${value} !== null\`), or give it a type that excludes both, and run pushdown again`,
      );
    }
    const nullable = field.nullable && !checkedNotNull.has(t.field);
    if (t.op !== 'eq' && nullable) {
      return decline(
        `\`${shown}\` on the nullable column \`${t.field}\`: JavaScript ${t.op === 'ne' ? 'keeps rows where it is NULL' : 'reads NULL as 0'}, SQL skips them`,
        `write \`or(isNull(${col}), ${OP[t.op]}(${col}, ${value}))\` by hand if NULL rows should match, or test \`!== null\` first`,
      );
    }
    conditions.push(`${OP[t.op]}(${col}, ${value})`);
    names.add(OP[t.op]);
  }
  return { ok: true, conditions, names: [...names], notes: [...notes] };
}
