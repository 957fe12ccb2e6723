/**
 * TypeORM: JavaScript field tests said as a find `where`, with TypeORM's
 * operators (imported from `typeorm`):
 *   r.f === v   -> f: v              r.f === null -> f: IsNull()
 *   r.f !== v   -> f: Not(v)         r.f !== null -> f: Not(IsNull())
 *   r.f > v     -> f: MoreThan(v)    (>=, <, <=: MoreThanOrEqual, LessThan, LessThanOrEqual)
 *   r.f / !r.f  -> f: true / false
 * A null or undefined value in a find where throws in TypeORM 1.x (and meant
 * "no condition" in 0.3), so a value the code does not prove defined and
 * non-null is declined. Nullable columns are declined under `!==` (SQL's `<>`
 * drops NULL rows JavaScript keeps), ordering (JavaScript orders null as 0)
 * and truthiness; Date, decimal, bigint and JSON columns are declined (JS
 * compares them by identity or as strings).
 */
import type { Expression, ObjectExpression } from '@babel/types';
import type { FieldTest } from '../../analysis/predicate.js';
import type { RuleContext } from '../../rule.js';
import { objectTextAdding, propertyName, textOf } from '../../text.js';
import type { ModelFacts } from '../core/facts.js';
import type { LoadArgs } from './load.js';

export type WhereText = { ok: true; text: string; imports: string[] } | { ok: false; reason: string; suggestion: string };

const OPERATOR = { lt: 'LessThan', lte: 'LessThanOrEqual', gt: 'MoreThan', gte: 'MoreThanOrEqual' } as const;
const ORDERED_TYPES = new Set(['int', 'float', 'string']);
const EQUAL_TYPES = new Set(['int', 'float', 'string', 'boolean', 'enum']);
const JS_TYPE: Record<string, string> = { int: 'number', float: 'number', string: 'string', boolean: 'boolean', enum: 'string' };

/** The entries (`age: MoreThan(18)`) for `tests`, or why they cannot be said. */
export function whereEntries(tests: readonly FieldTest[], model: ModelFacts | undefined, ctx: RuleContext): { ok: true; entries: string[]; keys: string[]; imports: string[] } | { ok: false; reason: string; suggestion: string } {
  const suggestion = 'keep the JavaScript filter, or write the where by hand with `IsNull()` / `MoreThan()` and a value that is never null or undefined';
  if (!model) return { ok: false, reason: 'no TypeORM entity facts say which fields are nullable', suggestion };
  const entries: string[] = [];
  const keys: string[] = [];
  const imports: string[] = [];
  const use = (name: string) => {
    if (!imports.includes(name)) imports.push(name);
  };
  for (const t of tests) {
    const field = model.fields.get(t.field);
    if (!field || !field.isScalar) return { ok: false, reason: `\`${t.field}\` is not a column of entity ${model.name}`, suggestion };
    if (keys.includes(t.field)) return { ok: false, reason: `the predicate tests \`${t.field}\` twice`, suggestion };
    keys.push(t.field);
    if (t.kind === 'flag') {
      if (field.type !== 'boolean') return { ok: false, reason: `the predicate tests the truthiness of \`${t.field}\`, which is not a boolean column`, suggestion };
      if (field.nullable) return { ok: false, reason: `the predicate tests the truthiness of the nullable field \`${t.field}\` (NULL is falsy in JavaScript, neither true nor false in SQL)`, suggestion };
      entries.push(`${t.field}: ${t.negated ? 'false' : 'true'}`);
      continue;
    }
    const value = textOf(ctx.source, t.value);
    if (t.proof === 'null') {
      if (t.op === 'eq') {
        use('IsNull');
        entries.push(`${t.field}: IsNull()`);
        continue;
      }
      if (t.op === 'ne') {
        use('Not');
        use('IsNull');
        entries.push(`${t.field}: Not(IsNull())`);
        continue;
      }
      return { ok: false, reason: `the predicate orders \`${t.field}\` against null`, suggestion };
    }
    if (t.proof === 'unknown') {
      return { ok: false, reason: `the compared value \`${value}\` may be undefined or null, and a TypeORM find where throws on both (1.x) or drops the condition (0.3)`, suggestion };
    }
    if (!EQUAL_TYPES.has(field.type)) return { ok: false, reason: `\`${t.field}\` is a ${field.typeName} column, which JavaScript and SQL compare differently`, suggestion };
    if (t.valueType && JS_TYPE[field.type] && t.valueType !== JS_TYPE[field.type]) return { ok: false, reason: `\`${t.field}\` is compared with a ${t.valueType}`, suggestion };
    if (t.op === 'eq') {
      entries.push(value === t.field ? t.field : `${t.field}: ${value}`);
      continue;
    }
    if (field.nullable) {
      return {
        ok: false,
        reason: t.op === 'ne' ? `\`!==\` on the nullable field \`${t.field}\` keeps NULL rows in JavaScript, which SQL's \`<>\` drops` : `the predicate orders the nullable field \`${t.field}\` (JavaScript compares null as 0, SQL never matches NULL)`,
        suggestion,
      };
    }
    if (t.op === 'ne') {
      use('Not');
      entries.push(`${t.field}: Not(${value})`);
      continue;
    }
    if (!ORDERED_TYPES.has(field.type)) return { ok: false, reason: `the predicate orders \`${t.field}\`, a ${field.typeName} column`, suggestion };
    const op = OPERATOR[t.op];
    use(op);
    entries.push(`${t.field}: ${op}(${value})`);
  }
  return { ok: true, entries, keys, imports };
}

/**
 * The where of a find, as text, with `entries` added: a new `{ ... }`, or the
 * object literal it was with them appended. Declines when the where is not an
 * object literal (an OR list, a variable) or already tests one of `keys`.
 */
export function mergedWhere(ctx: RuleContext, where: Expression | undefined, entries: readonly string[], keys: readonly string[]): { ok: true; text: string } | { ok: false; reason: string; suggestion: string } {
  if (!where) return { ok: true, text: `{ ${entries.join(', ')} }` };
  if (where.type !== 'ObjectExpression') {
    return { ok: false, reason: `the where \`${textOf(ctx.source, where)}\` is not an object literal pushdown can extend${where.type === 'ArrayExpression' ? ' (an OR list)' : ''}`, suggestion: 'add the conditions to the where by hand' };
  }
  const obj = where as ObjectExpression;
  for (const p of obj.properties) {
    if (p.type !== 'ObjectProperty') return { ok: false, reason: 'the where is built with a spread or a method', suggestion: 'add the conditions to the where by hand' };
    const name = propertyName(p);
    if (name === undefined || keys.includes(name)) {
      return { ok: false, reason: `the where already tests \`${name ?? 'a computed key'}\``, suggestion: 'combine the two conditions by hand (e.g. with `And(...)`)' };
    }
  }
  return { ok: true, text: objectTextAdding(ctx.source, obj, entries.join(', ')) };
}

/** The where a load filters on: the `where` option of find, the argument of findBy. */
export function loadWhere(args: LoadArgs, method: string): Expression | undefined | null {
  if (method === 'findBy') {
    if (args.kind === 'object') return args.node;
    if (args.kind === 'expr') return args.node;
    return null;
  }
  if (args.kind === 'none') return undefined;
  if (args.kind === 'object') return args.props.get('where')?.value as Expression | undefined;
  return null;
}
