/**
 * Drizzle table definitions read as neutral facts: every top-level
 * `const users = sqliteTable('users', { ... })` (also `pgTable`, `mysqlTable`,
 * and a table creator such as `const createTable = pgTableCreator(...)`),
 * keyed by the variable name the code uses (`users`). Columns are the
 * object's properties (or the object an extra-config callback
 * `(t) => ({ ... })` returns); each is a builder chain:
 *   integer('id').primaryKey(), text('email').notNull().unique(),
 *   integer('active', { mode: 'boolean' }), t.numeric()
 * The builder names the JS type of the values (integer → number, but SQLite's
 * `mode: 'boolean' | 'timestamp'` → boolean / Date, numeric → string, bigint →
 * bigint unless `mode: 'number'`); `.primaryKey()`, serial and identity
 * columns are non-null; `.unique()` marks a unique column. A builder pushdown
 * does not know (an enum made with pgEnum, a customType) is `unknown`, which
 * every answer that needs a type declines.
 */
import { parse } from '../../babel.js';
import type { CallExpression, Expression, Node, ObjectExpression, Statement } from '@babel/types';
import type { FieldFacts, FieldType, ModelFacts } from '../core/facts.js';

/** A file worth parsing for table definitions. */
const TABLE_MARK = /\b(?:sqlite|pg|mysql)Table(?:Creator)?\s*\(/;

/** Does the text hold TABLE_MARK? A literal search for `Table` first rules out most files several times faster than the pattern. */
export function marksTables(text: string): boolean {
  return text.includes('Table') && TABLE_MARK.test(text);
}

const TABLE_FN = /^(sqlite|pg|mysql)Table$/;
const CREATOR_FN = /^(sqlite|pg|mysql)TableCreator$/;
const PROVIDER: Record<string, string> = { sqlite: 'sqlite', pg: 'postgresql', mysql: 'mysql' };

const INT = new Set(['integer', 'int', 'smallint', 'tinyint', 'mediumint', 'serial', 'smallserial', 'int2', 'int4']);
const FLOAT = new Set(['real', 'doublePrecision', 'double', 'float', 'float4', 'float8']);
const STRING = new Set(['text', 'varchar', 'char', 'uuid', 'citext', 'tinytext', 'mediumtext', 'longtext', 'inet', 'cidr', 'macaddr', 'time', 'interval']);
const DATE = new Set(['timestamp', 'date', 'datetime']);
const JSON_TYPES = new Set(['json', 'jsonb']);
const SERIAL = new Set(['serial', 'smallserial', 'bigserial']);

export interface TableFile {
  provider?: string;
  models: ModelFacts[];
}

/** The tables a file defines (none when it cannot be parsed). */
export function readTables(text: string): TableFile {
  let body: Statement[];
  try {
    body = parse(text, { sourceType: 'module', plugins: ['typescript', 'jsx'], errorRecovery: true }).program.body;
  } catch {
    return { models: [] };
  }
  // `const createTable = pgTableCreator((name) => `app_${name}`)`: calls of createTable define tables too.
  const creators = new Map<string, string>();
  const declarators = body.flatMap((s) => {
    const decl = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    return decl?.type === 'VariableDeclaration' ? decl.declarations : [];
  });
  for (const d of declarators) {
    const init = d.init;
    if (d.id.type === 'Identifier' && init?.type === 'CallExpression' && init.callee.type === 'Identifier') {
      const m = CREATOR_FN.exec(init.callee.name);
      if (m) creators.set(d.id.name, m[1]);
    }
  }
  let provider: string | undefined;
  const models: ModelFacts[] = [];
  for (const d of declarators) {
    if (d.id.type !== 'Identifier' || d.init?.type !== 'CallExpression' || d.init.callee.type !== 'Identifier') continue;
    const fn = d.init.callee.name;
    const kind = TABLE_FN.exec(fn)?.[1] ?? creators.get(fn);
    if (!kind) continue;
    provider ??= PROVIDER[kind];
    const model = readTable(d.id.name, d.init);
    if (model) models.push(model);
  }
  return { provider, models };
}

function readTable(codeName: string, call: CallExpression): ModelFacts | undefined {
  const [nameArg, columnsArg] = call.arguments;
  const columns = columnsObject(columnsArg as Node | undefined);
  if (!columns) return undefined;
  const fields = new Map<string, FieldFacts>();
  const primaryKey: string[] = [];
  const uniqueFields: string[] = [];
  for (const p of columns.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) continue;
    const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (!name) continue;
    const field = readColumn(name, p.value as Expression);
    fields.set(name, field);
    if (field.isId) primaryKey.push(name);
    if (field.isUnique) uniqueFields.push(name);
  }
  // `(t) => [uniqueIndex('x').on(t.email), primaryKey({ columns: [t.id] })]` (or an object of them): single-column ones count.
  for (const extra of extraConfig(call.arguments[2] as Node | undefined)) {
    const column = singleColumn(extra);
    const field = column ? fields.get(column.name) : undefined;
    if (!field || !column) continue;
    if (column.kind === 'primaryKey' && primaryKey.length === 0) {
      fields.set(field.name, { ...field, isId: true, isUnique: true, nullable: false });
      primaryKey.push(field.name);
    }
    if (!uniqueFields.includes(field.name)) {
      fields.set(field.name, { ...fields.get(field.name)!, isUnique: true });
      uniqueFields.push(field.name);
    }
  }
  return {
    codeName,
    name: nameArg?.type === 'StringLiteral' ? nameArg.value : codeName,
    fields,
    // Two `.primaryKey()` columns cannot be; a composite key is declared elsewhere, and then none is known.
    primaryKey: primaryKey.length === 1 ? primaryKey : [],
    uniqueFields,
  };
}

/** The entries of an extra-config callback's array or object. */
function extraConfig(node: Node | undefined): Node[] {
  if (!node || (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression')) return [];
  let body: Node = node.body;
  if (body.type === 'BlockStatement') {
    const ret = body.body.find((s) => s.type === 'ReturnStatement');
    if (ret?.type !== 'ReturnStatement' || !ret.argument) return [];
    body = ret.argument;
  }
  if (body.type === 'ArrayExpression') return body.elements.filter((e): e is Expression => e !== null && e.type !== 'SpreadElement');
  if (body.type === 'ObjectExpression') return body.properties.flatMap((p) => (p.type === 'ObjectProperty' ? [p.value] : []));
  return [];
}

/** `uniqueIndex('x').on(t.email)`, `unique().on(t.email)`, `primaryKey({ columns: [t.id] })`: the one column, or none. */
function singleColumn(node: Node): { kind: 'unique' | 'primaryKey'; name: string } | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const column = (n: Node | undefined) => (n?.type === 'MemberExpression' && n.property.type === 'Identifier' ? n.property.name : undefined);
  const callee = node.callee;
  if (callee.type === 'Identifier' && callee.name === 'primaryKey') {
    const arg = node.arguments[0];
    const cols = arg?.type === 'ObjectExpression' ? arg.properties.find((p) => p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.key.name === 'columns') : undefined;
    const list = cols?.type === 'ObjectProperty' && cols.value.type === 'ArrayExpression' ? cols.value.elements : undefined;
    const name = list && list.length === 1 ? column(list[0] ?? undefined) : undefined;
    return name ? { kind: 'primaryKey', name } : undefined;
  }
  // `.on(t.email)` on a unique index or constraint; `.where(...)` after it makes it partial: not unique for every row.
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier' || callee.property.name !== 'on' || node.arguments.length !== 1) return undefined;
  const maker = callee.object;
  const makerName = maker.type === 'CallExpression' && maker.callee.type === 'Identifier' ? maker.callee.name : '';
  if (makerName !== 'uniqueIndex' && makerName !== 'unique') return undefined;
  const name = column(node.arguments[0]);
  return name ? { kind: 'unique', name } : undefined;
}

/** `{ ... }`, or the object a `(t) => ({ ... })` columns callback returns. */
function columnsObject(node: Node | undefined): ObjectExpression | undefined {
  if (!node) return undefined;
  if (node.type === 'ObjectExpression') return node;
  if (node.type === 'ArrowFunctionExpression') {
    const body = node.body;
    if (body.type === 'ObjectExpression') return body;
    if (body.type === 'BlockStatement') {
      const ret = body.body.find((s) => s.type === 'ReturnStatement');
      return ret?.type === 'ReturnStatement' && ret.argument?.type === 'ObjectExpression' ? ret.argument : undefined;
    }
  }
  return undefined;
}

/** A column builder chain: the base call (`integer('id', { mode })`, `t.integer()`) and its modifiers. */
function readColumn(name: string, value: Expression): FieldFacts {
  const modifiers: string[] = [];
  let node: Node = value;
  let base: CallExpression | undefined;
  while (node.type === 'CallExpression') {
    const callee: Node = node.callee;
    if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.object.type === 'CallExpression') {
      modifiers.push(callee.property.name);
      node = callee.object;
      continue;
    }
    base = node;
    break;
  }
  const builder = !base ? '' : base.callee.type === 'Identifier' ? base.callee.name : base.callee.type === 'MemberExpression' && base.callee.property.type === 'Identifier' ? base.callee.property.name : '';
  const mode = base ? modeOf(base) : undefined;
  const type = typeOf(builder, mode);
  const isId = modifiers.includes('primaryKey');
  const notNull = isId || modifiers.includes('notNull') || SERIAL.has(builder) || modifiers.some((m) => /^generated\w*AsIdentity$/.test(m));
  return {
    name,
    type,
    typeName: mode ? `${builder} (mode '${mode}')` : builder || 'unknown',
    isList: false,
    nullable: !notNull,
    isId,
    isUnique: isId || modifiers.includes('unique'),
    isRelation: false,
    isScalar: true,
  };
}

function modeOf(call: CallExpression): string | undefined {
  for (const arg of call.arguments) {
    if (arg.type !== 'ObjectExpression') continue;
    for (const p of arg.properties) {
      if (p.type === 'ObjectProperty' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'mode' && p.value.type === 'StringLiteral') return p.value.value;
    }
  }
  return undefined;
}

function typeOf(builder: string, mode: string | undefined): FieldType {
  if (builder === 'integer' || builder === 'int') {
    if (mode === 'boolean') return 'boolean';
    if (mode === 'timestamp' || mode === 'timestamp_ms') return 'date';
    return 'int';
  }
  if (INT.has(builder)) return 'int';
  if (builder === 'bigint' || builder === 'bigserial') return mode === 'number' ? 'int' : 'bigint';
  if (FLOAT.has(builder)) return 'float';
  if (builder === 'numeric' || builder === 'decimal') return mode === 'number' ? 'float' : 'decimal';
  if (builder === 'text' && mode === 'json') return 'json';
  if (STRING.has(builder)) return 'string';
  if (builder === 'boolean') return 'boolean';
  if (DATE.has(builder)) return mode === 'string' ? 'string' : 'date';
  if (JSON_TYPES.has(builder)) return 'json';
  if (builder === 'blob') return mode === 'json' ? 'json' : mode === 'bigint' ? 'bigint' : 'bytes';
  return 'unknown';
}
