/**
 * MikroORM facts from entity classes, read from source text (no type checker,
 * no reflect-metadata, no ts-morph):
 *
 *   @Entity() export class User extends Base {
 *     @PrimaryKey() id!: number;                        key
 *     @Property({ unique: true }) email!: string;       unique (also @Unique() on the property)
 *     @Property({ nullable: true }) name?: string;      nullable (also `?`, `| null`)
 *     @Property({ type: 'decimal' }) balance!: string;  the `type` option wins over the TS type
 *     @Enum(() => Role) role!: Role;                    enum
 *     @ManyToOne(() => Team) team!: Team;               relation (to one)
 *     @OneToMany(() => Post, (p) => p.author) posts = new Collection<Post>(this);   relation (list)
 *   }
 *
 * Classes are keyed by name; a class inherits the decorated properties of the
 * class it extends when that class is read too (an abstract base entity with
 * the key is the usual shape). Only classes decorated with @Entity become
 * models. `EntitySchema` definitions are not read: their models have no
 * facts, and rules that need facts decline on them.
 */
import { parse } from '../../babel.js';
import type { ClassDeclaration, ClassProperty, Decorator, Expression, Node, ObjectExpression, TSType } from '@babel/types';
import type { FieldFacts, FieldType, ModelFacts } from '../core/facts.js';

/** A class as read, before inheritance is resolved. */
export interface EntityClass {
  name: string;
  /** The class it extends, by name. */
  base?: string;
  /** Decorated with @Entity (an abstract base without it only lends fields). */
  entity: boolean;
  fields: FieldFacts[];
}

const RELATION_TO_ONE = new Set(['ManyToOne', 'OneToOne']);
const RELATION_TO_MANY = new Set(['OneToMany', 'ManyToMany']);
const FIELD_DECORATORS = new Set(['PrimaryKey', 'SerializedPrimaryKey', 'Property', 'Enum', 'Formula', 'Embedded', ...RELATION_TO_ONE, ...RELATION_TO_MANY]);

/** MikroORM type names (the `type` option, `types.x`, `XType`), by what pushdown needs to know of them. */
const MIKRO_TYPES: Record<string, FieldType> = {
  integer: 'int', int: 'int', smallint: 'int', tinyint: 'int', mediumint: 'int', int4: 'int', int2: 'int',
  float: 'float', double: 'float', real: 'float',
  decimal: 'decimal', numeric: 'decimal',
  bigint: 'bigint',
  string: 'string', text: 'string', character: 'string', uuid: 'string', varchar: 'string', char: 'string',
  boolean: 'boolean', bool: 'boolean',
  datetime: 'date', date: 'date', time: 'string', timestamp: 'date', timestamptz: 'date',
  json: 'json', jsonb: 'json',
  blob: 'bytes', uint8array: 'bytes', buffer: 'bytes',
  enum: 'enum', enumarray: 'json', array: 'json', interval: 'string',
};

const TS_TYPES: Record<string, FieldType> = { number: 'float', string: 'string', boolean: 'boolean', Date: 'date', bigint: 'bigint', Buffer: 'bytes' };

/** Does this text declare MikroORM entities worth parsing? */
export function mayDeclareEntities(text: string): boolean {
  return (text.includes('@Entity') || text.includes('@PrimaryKey')) && /@(Entity|PrimaryKey)\s*\(/.test(text);
}

/** The entity classes (and decorated base classes) declared in one file's text; [] when it does not parse. */
export function readEntityClasses(text: string): EntityClass[] {
  let ast;
  try {
    ast = parse(text, { sourceType: 'module', errorRecovery: true, plugins: ['typescript', 'decorators-legacy', 'classProperties'] });
  } catch {
    return [];
  }
  const out: EntityClass[] = [];
  const visit = (node: Node | null | undefined): void => {
    if (!node) return;
    if (node.type === 'ClassDeclaration') {
      const read = readClass(node);
      if (read) out.push(read);
      return;
    }
    if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') visit(node.declaration as Node);
  };
  for (const stmt of ast.program.body) visit(stmt);
  return out;
}

function readClass(cls: ClassDeclaration): EntityClass | undefined {
  if (!cls.id) return undefined;
  const entity = (cls.decorators ?? []).some((d) => decoratorName(d) === 'Entity');
  const fields: FieldFacts[] = [];
  for (const member of cls.body.body) {
    if (member.type !== 'ClassProperty' || member.key.type !== 'Identifier' || member.static) continue;
    const field = readField(member);
    if (field) fields.push(field);
  }
  if (!entity && fields.length === 0) return undefined;
  const base = cls.superClass?.type === 'Identifier' ? cls.superClass.name : undefined;
  return { name: cls.id.name, base, entity, fields };
}

function readField(prop: ClassProperty): FieldFacts | undefined {
  const decorators = prop.decorators ?? [];
  const main = decorators.find((d) => FIELD_DECORATORS.has(decoratorName(d) ?? ''));
  if (!main) return undefined;
  const kind = decoratorName(main)!;
  const name = (prop.key as { name: string }).name;
  const options = decoratorOptions(main);
  const unique = decorators.some((d) => decoratorName(d) === 'Unique') || booleanOption(options, 'unique') === true;
  const annotated = annotation(prop);
  if (annotated.type === 'unknown' && !annotated.text) Object.assign(annotated, initializerType(prop.value));
  const optionalMark = prop.optional === true || annotated.nullable;
  const relation = RELATION_TO_ONE.has(kind) || RELATION_TO_MANY.has(kind);
  const isId = kind === 'PrimaryKey';
  let type: FieldType;
  let typeName: string;
  if (relation) {
    type = 'relation';
    typeName = kind;
  } else if (kind === 'Enum') {
    type = 'enum';
    typeName = 'enum';
  } else {
    const declared = typeOption(options);
    type = declared ? (MIKRO_TYPES[declared.toLowerCase().replace(/type$/, '')] ?? 'unknown') : annotated.type;
    typeName = declared ?? annotated.text ?? 'unknown';
  }
  const stored = kind !== 'Formula' && kind !== 'Embedded' && !relation;
  return {
    name,
    type,
    typeName,
    isList: RELATION_TO_MANY.has(kind) || annotated.list,
    nullable: !isId && (booleanOption(options, 'nullable') === true || optionalMark),
    isId,
    isUnique: isId || unique,
    isRelation: relation,
    isScalar: stored && type !== 'unknown' && type !== 'json',
  };
}

function decoratorName(d: Decorator): string | undefined {
  const e = d.expression;
  const callee = e.type === 'CallExpression' ? e.callee : e;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

/** The decorator's options object: `@Property({...})`, `@ManyToOne(() => T, {...})`, `@ManyToOne({ entity: ... })`. */
function decoratorOptions(d: Decorator): ObjectExpression | undefined {
  const e = d.expression;
  if (e.type !== 'CallExpression') return undefined;
  for (const arg of e.arguments) if (arg.type === 'ObjectExpression') return arg;
  return undefined;
}

function optionValue(options: ObjectExpression | undefined, key: string): Expression | undefined {
  for (const p of options?.properties ?? []) {
    if (p.type !== 'ObjectProperty' || p.computed) continue;
    const k = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (k === key) return p.value as Expression;
  }
  return undefined;
}

function booleanOption(options: ObjectExpression | undefined, key: string): boolean | undefined {
  const v = optionValue(options, key);
  return v?.type === 'BooleanLiteral' ? v.value : undefined;
}

/** `type: 'decimal'`, `type: types.decimal`, `type: DecimalType`, `type: new DecimalType()`, `columnType` as a fallback. */
function typeOption(options: ObjectExpression | undefined): string | undefined {
  const v = optionValue(options, 'type') ?? optionValue(options, 'columnType');
  if (!v) return undefined;
  if (v.type === 'StringLiteral') return v.value.replace(/\(.*$/, '').trim();
  if (v.type === 'MemberExpression' && v.property.type === 'Identifier') return v.property.name;
  if (v.type === 'Identifier') return v.name;
  if (v.type === 'NewExpression' && v.callee.type === 'Identifier') return v.callee.name;
  if (v.type === 'ArrowFunctionExpression' && v.body.type === 'Identifier') return v.body.name;
  return undefined;
}

interface Annotated {
  type: FieldType;
  text?: string;
  nullable: boolean;
  list: boolean;
}

/** `active = true`, `createdAt = new Date()`: the type of an unannotated property's initialiser. */
function initializerType(value: Node | null | undefined): Partial<Annotated> {
  if (!value) return {};
  if (value.type === 'BooleanLiteral') return { type: 'boolean', text: 'boolean' };
  if (value.type === 'StringLiteral') return { type: 'string', text: 'string' };
  if (value.type === 'NumericLiteral') return { type: 'float', text: 'number' };
  if (value.type === 'NewExpression' && value.callee.type === 'Identifier' && value.callee.name === 'Date') return { type: 'date', text: 'Date' };
  return {};
}

function annotation(prop: ClassProperty): Annotated {
  const ann = prop.typeAnnotation;
  if (!ann || ann.type !== 'TSTypeAnnotation') return { type: 'unknown', nullable: false, list: false };
  return readType(ann.typeAnnotation);
}

function readType(t: TSType): Annotated {
  if (t.type === 'TSUnionType') {
    const parts = t.types.filter((x) => x.type !== 'TSNullKeyword' && x.type !== 'TSUndefinedKeyword');
    const nullable = parts.length !== t.types.length;
    const inner = parts.length === 1 ? readType(parts[0]) : { type: 'unknown' as FieldType, nullable: false, list: false };
    return { ...inner, nullable: nullable || inner.nullable };
  }
  if (t.type === 'TSArrayType') return { type: 'json', text: 'array', nullable: false, list: true };
  const keyword: Partial<Record<TSType['type'], string>> = { TSNumberKeyword: 'number', TSStringKeyword: 'string', TSBooleanKeyword: 'boolean', TSBigIntKeyword: 'bigint' };
  const k = keyword[t.type];
  if (k) return { type: TS_TYPES[k]!, text: k, nullable: false, list: false };
  if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier') {
    const name = t.typeName.name;
    if (name === 'Opt' || name === 'Hidden') {
      const arg = t.typeParameters?.params[0];
      return arg ? readType(arg) : { type: 'unknown', nullable: false, list: false };
    }
    return { type: TS_TYPES[name] ?? 'unknown', text: name, nullable: false, list: false };
  }
  return { type: 'unknown', nullable: false, list: false };
}

/** Models from every class read so far: @Entity classes, each with the fields of the classes it extends. */
export function modelsFrom(classes: ReadonlyMap<string, EntityClass>): Map<string, ModelFacts> {
  const models = new Map<string, ModelFacts>();
  for (const cls of classes.values()) {
    if (!cls.entity) continue;
    const fields = new Map<string, FieldFacts>();
    const chain: EntityClass[] = [];
    for (let c: EntityClass | undefined = cls; c && !chain.includes(c); c = c.base ? classes.get(c.base) : undefined) chain.unshift(c);
    for (const c of chain) for (const f of c.fields) fields.set(f.name, f);
    const primaryKey = [...fields.values()].filter((f) => f.isId).map((f) => f.name);
    const uniqueFields = [...fields.values()].filter((f) => f.isUnique && !f.isRelation).map((f) => f.name);
    models.set(cls.name, { codeName: cls.name, name: cls.name, fields, primaryKey, uniqueFields });
  }
  return models;
}
