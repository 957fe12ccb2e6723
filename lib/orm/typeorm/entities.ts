/**
 * TypeORM facts from entity classes: a class decorated with `@Entity(...)`
 * imported from `typeorm` is a model named by its class (`User`), and its
 * property decorators say what each field is:
 *   @PrimaryGeneratedColumn / @PrimaryColumn      the key (never NULL)
 *   @Column({ type, nullable, unique, select, transformer }), @CreateDateColumn,
 *   @UpdateDateColumn, @DeleteDateColumn, @VersionColumn   stored columns
 *   @OneToMany / @ManyToOne / @OneToOne / @ManyToMany     relations
 * The field type comes from the column `type` option, else from the
 * property's TypeScript type (`number`, `string`, `boolean`, `Date`). A field
 * is nullable when the column says `nullable: true` or the property's type
 * admits null or undefined (`name?: string`, `string | null`): either way a
 * rewrite must treat it as possibly NULL.
 *
 * Beside the neutral facts, each model records what only TypeORM has:
 * `@AfterLoad` methods (they may read columns a projection leaves out) and
 * columns hidden from finds (`select: false`: a projection would load them).
 * MikroORM also spells `@Entity()`: only the decorator imported from
 * `typeorm` counts.
 */
import { parse } from '../../babel.js';
import type { ClassDeclaration, ClassProperty, Decorator, Expression, File, ObjectExpression, Statement, TSType } from '@babel/types';
import { keywordType } from '../../analysis/predicate.js';
import type { FieldFacts, FieldType, ModelFacts, OrmFacts } from '../core/facts.js';

export interface TypeormModelFacts extends ModelFacts {
  /** The class has an `@AfterLoad()` method. */
  afterLoad: boolean;
  /** Columns declared `select: false`: finds leave them out unless selected. */
  hiddenFields: readonly string[];
}

const PRIMARY = new Set(['PrimaryGeneratedColumn', 'PrimaryColumn', 'ObjectIdColumn']);
const COLUMN = new Set(['Column', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', ...PRIMARY]);
const RELATION = new Set(['OneToMany', 'ManyToOne', 'OneToOne', 'ManyToMany']);

/** A quick test before parsing: could this text declare a TypeORM entity? */
export function mayDeclareEntities(text: string): boolean {
  return text.includes('@Entity(') && /from\s*['"]typeorm['"]|require\(\s*['"]typeorm['"]\s*\)/.test(text);
}

export function parseForEntities(text: string): File | undefined {
  try {
    return parse(text, { sourceType: 'unambiguous', errorRecovery: true, plugins: ['typescript', 'decorators-legacy', 'classProperties', 'jsx'] });
  } catch {
    return undefined;
  }
}

/** The TypeORM entity classes a file declares, keyed by class name. */
export function readEntities(ast: File): Map<string, TypeormModelFacts> {
  const out = new Map<string, TypeormModelFacts>();
  const local = typeormNames(ast);
  if (local.size === 0) return out;
  for (const cls of classes(ast.program.body)) {
    if (!cls.id || !(cls.decorators ?? []).some((d) => decoratorName(d, local) === 'Entity')) continue;
    out.set(cls.id.name, readClass(cls, local));
  }
  return out;
}

/** Local name -> TypeORM export name, for everything imported from `typeorm`. */
function typeormNames(ast: File): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of ast.program.body) {
    if (s.type === 'ImportDeclaration' && s.source.value === 'typeorm') {
      for (const sp of s.specifiers) {
        if (sp.type === 'ImportSpecifier') out.set(sp.local.name, sp.imported.type === 'Identifier' ? sp.imported.name : sp.imported.value);
        else out.set(`${sp.local.name}.`, '*'); // namespace or default: `typeorm.Entity`
      }
    }
    if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) {
        const init = d.init;
        if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'StringLiteral' && init.arguments[0].value === 'typeorm') {
          if (d.id.type === 'ObjectPattern') {
            for (const p of d.id.properties) if (p.type === 'ObjectProperty' && p.key.type === 'Identifier' && p.value.type === 'Identifier') out.set(p.value.name, p.key.name);
          } else if (d.id.type === 'Identifier') out.set(`${d.id.name}.`, '*');
        }
      }
    }
  }
  return out;
}

function classes(body: Statement[]): ClassDeclaration[] {
  const out: ClassDeclaration[] = [];
  for (const s of body) {
    if (s.type === 'ClassDeclaration') out.push(s);
    else if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration?.type === 'ClassDeclaration') out.push(s.declaration);
  }
  return out;
}

/** The TypeORM export a decorator calls (`Column` for `@Column(...)` or `@typeorm.Column(...)`), if it is one. */
function decoratorName(d: Decorator, local: Map<string, string>): string | undefined {
  const e = d.expression.type === 'CallExpression' ? d.expression.callee : d.expression;
  if (e.type === 'Identifier') return local.get(e.name);
  if (e.type === 'MemberExpression' && e.object.type === 'Identifier' && e.property.type === 'Identifier' && local.has(`${e.object.name}.`)) return e.property.name;
  return undefined;
}

function decoratorOptions(d: Decorator): ObjectExpression | undefined {
  if (d.expression.type !== 'CallExpression') return undefined;
  for (const a of d.expression.arguments) if (a.type === 'ObjectExpression') return a;
  return undefined;
}

/** `@Column('varchar')` / `@Column({ type: 'varchar' })`. */
function columnType(d: Decorator): string | undefined {
  if (d.expression.type !== 'CallExpression') return undefined;
  const first = d.expression.arguments[0];
  if (first?.type === 'StringLiteral') return first.value;
  const opts = decoratorOptions(d);
  const t = opts && option(opts, 'type');
  return t?.type === 'StringLiteral' ? t.value : t?.type === 'Identifier' ? t.name : undefined;
}

function option(obj: ObjectExpression, name: string): Expression | undefined {
  for (const p of obj.properties) {
    if (p.type === 'ObjectProperty' && !p.computed && ((p.key.type === 'Identifier' && p.key.name === name) || (p.key.type === 'StringLiteral' && p.key.value === name))) return p.value as Expression;
  }
  return undefined;
}

const isTrue = (e: Expression | undefined): boolean => e?.type === 'BooleanLiteral' && e.value;
const isFalse = (e: Expression | undefined): boolean => e?.type === 'BooleanLiteral' && !e.value;

function readClass(cls: ClassDeclaration, local: Map<string, string>): TypeormModelFacts {
  const fields = new Map<string, FieldFacts>();
  const primaryKey: string[] = [];
  const uniqueFields: string[] = [];
  const hiddenFields: string[] = [];
  let afterLoad = false;
  for (const m of cls.body.body) {
    const decorators = (m as { decorators?: Decorator[] | null }).decorators ?? [];
    if ((m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && decorators.some((d) => decoratorName(d, local) === 'AfterLoad')) afterLoad = true;
    if (m.type !== 'ClassProperty' || m.key.type !== 'Identifier') continue;
    const name = m.key.name;
    for (const d of decorators) {
      const kind = decoratorName(d, local);
      if (!kind) continue;
      if (RELATION.has(kind)) {
        fields.set(name, { name, type: 'relation', typeName: kind, isList: kind === 'OneToMany' || kind === 'ManyToMany', nullable: true, isId: false, isUnique: false, isRelation: true, isScalar: false });
        break;
      }
      if (!COLUMN.has(kind)) continue;
      const opts = decoratorOptions(d);
      const isId = PRIMARY.has(kind) || isTrue(opts && option(opts, 'primary'));
      const declared = columnType(d);
      const tsType = propertyType(m);
      const type = kind === 'CreateDateColumn' || kind === 'UpdateDateColumn' || kind === 'DeleteDateColumn' ? 'date' : kind === 'VersionColumn' ? 'int' : fieldType(declared, tsType.type, kind);
      const nullable = !isId && (isTrue(opts && option(opts, 'nullable')) || tsType.nullable || kind === 'DeleteDateColumn');
      const unique = isId || isTrue(opts && option(opts, 'unique'));
      if (isId) primaryKey.push(name);
      if (unique) uniqueFields.push(name);
      if (isFalse(opts && option(opts, 'select'))) hiddenFields.push(name);
      fields.set(name, { name, type, typeName: declared ?? tsType.type ?? 'unknown', isList: false, nullable, isId, isUnique: unique, isRelation: false, isScalar: true });
      break;
    }
  }
  const name = cls.id!.name;
  return { codeName: name, name, fields, primaryKey, uniqueFields, afterLoad, hiddenFields };
}

/** The property's TypeScript type, as far as a field type goes, and whether it admits null/undefined. */
function propertyType(p: ClassProperty): { type?: string; nullable: boolean } {
  const ann = p.typeAnnotation;
  let nullable = p.optional === true;
  if (!ann || ann.type !== 'TSTypeAnnotation') return { nullable };
  const parts: TSType[] = ann.typeAnnotation.type === 'TSUnionType' ? ann.typeAnnotation.types : [ann.typeAnnotation];
  const named = new Set<string>();
  for (const t of parts) {
    if (t.type === 'TSNullKeyword' || t.type === 'TSUndefinedKeyword') nullable = true;
    else named.add(tsName(t));
  }
  return { type: named.size > 0 ? [...named].join(' | ') : undefined, nullable };
}

function tsName(t: TSType): string {
  if (t.type === 'TSTypeReference') return t.typeName.type === 'Identifier' ? t.typeName.name : 'object';
  return keywordType(t) ?? 'other';
}

const INT = /^(int|integer|tinyint|smallint|mediumint|int2|int4|int8?|serial|smallserial|increment|rowid)$/i;
const BIGINT = /^(bigint|bigserial|int8|long)$/i;
const FLOAT = /^(float|float4|float8|double|double precision|real)$/i;
const DECIMAL = /^(decimal|numeric|money|dec|fixed)$/i;
const STRING = /^(varchar|character varying|char|character|nchar|nvarchar|text|tinytext|mediumtext|longtext|citext|string|uuid|varchar2|nvarchar2|clob|ntext)$/i;
const DATE = /^(date|datetime|datetime2|timestamp|timestamptz|timestamp with time zone|timestamp without time zone|time|timetz|smalldatetime|datetimeoffset)$/i;

function fieldType(declared: string | undefined, ts: string | undefined, kind: string): FieldType {
  if (declared) {
    if (BIGINT.test(declared)) return 'bigint';
    if (INT.test(declared)) return 'int';
    if (FLOAT.test(declared)) return 'float';
    if (DECIMAL.test(declared)) return 'decimal';
    if (STRING.test(declared)) return 'string';
    if (/^(bool|boolean|bit)$/i.test(declared)) return 'boolean';
    if (DATE.test(declared)) return 'date';
    if (/^(json|jsonb|simple-json|simple-array|array)$/i.test(declared)) return 'json';
    if (/^(enum|simple-enum)$/i.test(declared)) return 'enum';
    if (/^(blob|bytea|binary|varbinary|longblob)$/i.test(declared)) return 'bytes';
    return 'unknown';
  }
  if (kind === 'PrimaryGeneratedColumn') return ts === 'string' ? 'string' : 'int';
  switch (ts) {
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'Date':
      return 'date';
    default:
      return 'unknown';
  }
}

/** Facts from the entity classes of several files (later files win on a name clash). */
export function entityFacts(source: string, perFile: Iterable<Map<string, TypeormModelFacts>>): OrmFacts {
  const models = new Map<string, ModelFacts>();
  for (const m of perFile) for (const [k, v] of m) models.set(k, v);
  return { source, models };
}

export function isTypeormModel(m: ModelFacts | undefined): m is TypeormModelFacts {
  return m !== undefined && 'afterLoad' in m;
}
