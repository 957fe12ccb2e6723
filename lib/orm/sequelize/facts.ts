/**
 * Sequelize model facts, read from the code that declares the models:
 *   class User extends Model { ... }  User.init({ attrs }, { sequelize, timestamps, paranoid })
 *   const User = sequelize.define('User', { attrs }, { timestamps, paranoid })
 * An attribute is `f: DataTypes.X` or `f: { type: DataTypes.X, allowNull,
 * primaryKey, unique, get, set }`. Sequelize's defaults apply: allowNull is
 * true unless said otherwise (or the field is the primary key); a model with
 * no primary key gets an INTEGER `id`; timestamps add createdAt/updatedAt
 * (and paranoid a nullable deletedAt). A VIRTUAL attribute, or one with its
 * own getter or setter, is not a plain stored column: no rule reads it as one.
 * sequelize-typescript decorators are not read (their models are unknown, so
 * nothing is rewritten for them).
 */
import { parse } from '../../babel.js';
import type { Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { FieldFacts, FieldType, ModelFacts, OrmFacts } from '../core/facts.js';

const TYPES: Record<string, FieldType> = {
  INTEGER: 'int', SMALLINT: 'int', TINYINT: 'int', MEDIUMINT: 'int', BIGINT: 'bigint',
  FLOAT: 'float', REAL: 'float', DOUBLE: 'float', 'DOUBLE PRECISION': 'float', DECIMAL: 'decimal', NUMBER: 'float',
  STRING: 'string', TEXT: 'string', CHAR: 'string', CITEXT: 'string', UUID: 'string', UUIDV4: 'string', TSVECTOR: 'unknown',
  BOOLEAN: 'boolean', DATE: 'date', DATEONLY: 'string', TIME: 'string', NOW: 'date',
  JSON: 'json', JSONB: 'json', BLOB: 'bytes', ENUM: 'enum', ARRAY: 'json', GEOMETRY: 'json', GEOGRAPHY: 'json', HSTORE: 'json', RANGE: 'json', INET: 'string', CIDR: 'string', MACADDR: 'string',
};

/** Does this text declare Sequelize models pushdown can read? */
export function declaresModels(text: string): boolean {
  // Literal searches first: they rule out most files several times faster than the patterns.
  return (text.includes('.init') || text.includes('.define')) && /\.init\s*\(|\.define\s*\(/.test(text) && /DataTypes|Sequelize|sequelize/.test(text);
}

/** The models declared in one file. */
export function readModels(text: string): ModelFacts[] {
  let ast;
  try {
    ast = parse(text, { sourceType: 'unambiguous', plugins: ['typescript', 'decorators-legacy', 'classProperties'], errorRecovery: true });
  } catch {
    return [];
  }
  const models: ModelFacts[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    const node = n as Node;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier') {
      const method = node.callee.property.name;
      const attrs = node.arguments[method === 'define' ? 1 : 0];
      const opts = node.arguments[method === 'define' ? 2 : 1];
      if (method === 'init' && node.callee.object.type === 'Identifier' && attrs?.type === 'ObjectExpression') {
        models.push(modelOf(node.callee.object.name, node.callee.object.name, attrs, opts?.type === 'ObjectExpression' ? opts : undefined));
      }
    }
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      let init: Node | null | undefined = node.init;
      while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression')) init = init.expression;
      if (init?.type === 'CallExpression' && init.callee.type === 'MemberExpression' && init.callee.property.type === 'Identifier' && init.callee.property.name === 'define') {
        const [name, attrs, opts] = init.arguments;
        if (attrs?.type === 'ObjectExpression') {
          models.push(modelOf(node.id.name, name?.type === 'StringLiteral' ? name.value : node.id.name, attrs, opts?.type === 'ObjectExpression' ? opts : undefined));
        }
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      if (v && typeof v === 'object') visit(v);
    }
  };
  visit(ast.program);
  return models;
}

function prop(obj: ObjectExpression | undefined, name: string): Expression | undefined {
  const p = obj?.properties.find((q): q is ObjectProperty => q.type === 'ObjectProperty' && !q.computed && ((q.key.type === 'Identifier' && q.key.name === name) || (q.key.type === 'StringLiteral' && q.key.value === name)));
  return p?.value as Expression | undefined;
}

const isTrue = (e: Expression | undefined) => e?.type === 'BooleanLiteral' && e.value;
const isFalse = (e: Expression | undefined) => e?.type === 'BooleanLiteral' && !e.value;

/** `DataTypes.INTEGER`, `DataTypes.STRING(64)`, `DataTypes.INTEGER.UNSIGNED`, `Sequelize.DATE`: the type's name. */
function typeName(e: Expression | undefined): string | undefined {
  let n: Node | undefined = e;
  if (n?.type === 'CallExpression') n = n.callee;
  while (n?.type === 'MemberExpression' && n.property.type === 'Identifier' && ['UNSIGNED', 'ZEROFILL', 'BINARY'].includes(n.property.name)) n = n.object;
  if (n?.type === 'CallExpression') n = n.callee;
  if (n?.type === 'MemberExpression' && n.property.type === 'Identifier') return n.property.name;
  return undefined;
}

function modelOf(codeName: string, name: string, attrs: ObjectExpression, opts: ObjectExpression | undefined): ModelFacts {
  const fields = new Map<string, FieldFacts>();
  const primaryKey: string[] = [];
  for (const p of attrs.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) continue;
    const field = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (!field) continue;
    const value = p.value as Expression;
    const spec = value.type === 'ObjectExpression' ? value : undefined;
    const tName = typeName(spec ? prop(spec, 'type') : value) ?? 'unknown';
    const virtual = tName === 'VIRTUAL' || prop(spec, 'get') !== undefined || prop(spec, 'set') !== undefined || spec?.properties.some((q) => q.type === 'ObjectMethod') === true;
    const isId = isTrue(prop(spec, 'primaryKey'));
    if (isId) primaryKey.push(field);
    const unique = prop(spec, 'unique');
    fields.set(field, {
      name: field,
      type: virtual ? 'unknown' : (TYPES[tName] ?? 'unknown'),
      typeName: tName,
      isList: tName === 'ARRAY',
      nullable: isId ? false : !isFalse(prop(spec, 'allowNull')),
      isId,
      isUnique: isId || isTrue(unique) || unique?.type === 'StringLiteral',
      isRelation: false,
      isScalar: !virtual && tName !== 'unknown',
    });
  }
  if (primaryKey.length === 0 && !fields.has('id')) {
    fields.set('id', { name: 'id', type: 'int', typeName: 'INTEGER', isList: false, nullable: false, isId: true, isUnique: true, isRelation: false, isScalar: true });
    primaryKey.push('id');
  }
  if (!isFalse(prop(opts, 'timestamps'))) {
    for (const [option, fallback] of [['createdAt', 'createdAt'], ['updatedAt', 'updatedAt']] as const) {
      const o = prop(opts, option);
      if (isFalse(o)) continue;
      const f = o?.type === 'StringLiteral' ? o.value : fallback;
      if (!fields.has(f)) fields.set(f, { name: f, type: 'date', typeName: 'DATE', isList: false, nullable: false, isId: false, isUnique: false, isRelation: false, isScalar: true });
    }
    if (isTrue(prop(opts, 'paranoid')) && !fields.has('deletedAt')) {
      fields.set('deletedAt', { name: 'deletedAt', type: 'date', typeName: 'DATE', isList: false, nullable: true, isId: false, isUnique: false, isRelation: false, isScalar: true });
    }
  }
  return { codeName, name, fields, primaryKey, uniqueFields: [...fields.values()].filter((f) => f.isUnique).map((f) => f.name) };
}

/** Every model read from the files observed, as one facts object. */
export function factsOf(models: readonly ModelFacts[], source: string): OrmFacts {
  const map = new Map<string, ModelFacts>();
  for (const m of models) if (!map.has(m.codeName)) map.set(m.codeName, m);
  return { source, models: map };
}
