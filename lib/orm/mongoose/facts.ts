/**
 * Mongoose model facts, read from the code that declares them:
 *   const userSchema = new Schema({ email: { type: String, required: true, unique: true }, age: Number })
 *   export const User = model('User', userSchema)      (or mongoose.model<IUser>(...))
 * A path is `f: String` or `f: { type: String, required, unique }`; a path is
 * nullable (may be null or missing) unless `required: true`. `_id` is an
 * ObjectId key unless the schema says `_id: false`. Arrays, nested objects
 * and Mixed are not plain scalars. A schema with `pre('find')`-style
 * middleware is noted by the project (lib/orm/mongoose/project.ts).
 * NestJS `@Schema()` classes with `@Prop()` are not read.
 */
import { parse } from '../../babel.js';
import type { Expression, Node, ObjectExpression, ObjectProperty } from '@babel/types';
import type { FieldFacts, FieldType, ModelFacts, OrmFacts } from '../core/facts.js';

const TYPES: Record<string, FieldType> = {
  String: 'string', Number: 'float', Boolean: 'boolean', Date: 'date', ObjectId: 'unknown', Decimal128: 'decimal', BigInt: 'bigint', Buffer: 'bytes', Mixed: 'json', Map: 'json', UUID: 'string', Int32: 'int', Double: 'float',
};

export function declaresModels(text: string): boolean {
  // Literal searches first: they rule out most files several times faster than the patterns.
  return text.includes('Schema') && text.includes('model') && /\bmodel\s*[<(]/.test(text) && /Schema\b/.test(text);
}

function prop(obj: ObjectExpression | undefined, name: string): Expression | undefined {
  const p = obj?.properties.find((q): q is ObjectProperty => q.type === 'ObjectProperty' && !q.computed && ((q.key.type === 'Identifier' && q.key.name === name) || (q.key.type === 'StringLiteral' && q.key.value === name)));
  return p?.value as Expression | undefined;
}

/** `String`, `Schema.Types.ObjectId`, `mongoose.Schema.Types.Number`, `'String'`: the type's name. */
function typeName(e: Expression | undefined): string | undefined {
  if (!e) return undefined;
  if (e.type === 'Identifier') return e.name;
  if (e.type === 'StringLiteral') return e.value;
  if (e.type === 'MemberExpression' && e.property.type === 'Identifier') return e.property.name;
  if (e.type === 'ArrayExpression') return 'Array';
  return undefined;
}

function fieldOf(name: string, value: Expression): FieldFacts {
  const spec = value.type === 'ObjectExpression' && prop(value, 'type') !== undefined ? value : undefined;
  const t = typeName(spec ? prop(spec, 'type') : value) ?? (value.type === 'ObjectExpression' ? 'Object' : 'unknown');
  const list = t === 'Array';
  const type = TYPES[t] ?? 'unknown';
  const required = spec ? prop(spec, 'required') : undefined;
  const hasAccessors = spec ? ['get', 'set', 'alias'].some((k) => prop(spec, k) !== undefined) : false;
  const scalar = !list && !hasAccessors && t in TYPES && type !== 'json';
  return {
    name,
    type: list ? 'json' : type,
    typeName: t,
    isList: list,
    nullable: !(required?.type === 'BooleanLiteral' && required.value),
    isId: false,
    isUnique: spec ? prop(spec, 'unique')?.type === 'BooleanLiteral' : false,
    isRelation: t === 'ObjectId' && spec !== undefined && prop(spec, 'ref') !== undefined,
    isScalar: scalar || t === 'ObjectId',
  };
}

/** The models declared in one file (schemas bound to names, then `model(name, schema)`). */
export function readModels(text: string): ModelFacts[] {
  let ast;
  try {
    ast = parse(text, { sourceType: 'unambiguous', plugins: ['typescript', 'decorators-legacy'], errorRecovery: true });
  } catch {
    return [];
  }
  const schemas = new Map<string, ObjectExpression>();
  const bound: { codeName: string; name: string; schema: string | ObjectExpression }[] = [];
  const unwrap = (n: Node | null | undefined): Node | null | undefined => {
    let x = n;
    while (x && (x.type === 'TSAsExpression' || x.type === 'TSSatisfiesExpression' || x.type === 'TSNonNullExpression')) x = x.expression;
    return x;
  };
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const node = n as Node;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      const init = unwrap(node.init);
      if (init?.type === 'NewExpression' && typeName(init.callee as Expression) === 'Schema' && init.arguments[0]?.type === 'ObjectExpression') schemas.set(node.id.name, init.arguments[0]);
      if (init?.type === 'CallExpression' && typeName(init.callee as Expression) === 'model' && init.arguments[0]?.type === 'StringLiteral') {
        const s = init.arguments[1];
        const schema = s?.type === 'Identifier' ? s.name : s?.type === 'NewExpression' && s.arguments[0]?.type === 'ObjectExpression' ? s.arguments[0] : undefined;
        if (schema) bound.push({ codeName: node.id.name, name: init.arguments[0].value, schema });
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments' || key === 'extra') continue;
      const v = (node as unknown as Record<string, unknown>)[key];
      if (v && typeof v === 'object') visit(v);
    }
  };
  visit(ast.program);
  const models: ModelFacts[] = [];
  for (const b of bound) {
    const def = typeof b.schema === 'string' ? schemas.get(b.schema) : b.schema;
    if (!def) continue;
    const fields = new Map<string, FieldFacts>();
    fields.set('_id', { name: '_id', type: 'unknown', typeName: 'ObjectId', isList: false, nullable: false, isId: true, isUnique: true, isRelation: false, isScalar: true });
    for (const p of def.properties) {
      if (p.type !== 'ObjectProperty' || p.computed) continue;
      const name = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
      if (name && name !== '_id') fields.set(name, fieldOf(name, p.value as Expression));
    }
    models.push({ codeName: b.codeName, name: b.name, fields, primaryKey: ['_id'], uniqueFields: [...fields.values()].filter((f) => f.isUnique).map((f) => f.name) });
  }
  return models;
}

export function factsOf(models: readonly ModelFacts[], source: string): OrmFacts {
  const map = new Map<string, ModelFacts>();
  for (const m of models) if (!map.has(m.codeName)) map.set(m.codeName, m);
  return { source, provider: 'mongodb', models: map };
}
