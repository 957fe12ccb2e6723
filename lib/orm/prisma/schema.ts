/**
 * Finding and reading the Prisma schema, so rules know each model's fields:
 * their types, nullability, which is the id, which are unique, which are
 * relations.
 *
 * Discovery follows the Prisma CLI, first match wins:
 *   1. an explicit path (`--schema`): a file, or a folder of .prisma files;
 *   2. `prisma.config.ts` (or .mts/.cts/.js/.mjs/.cjs, or `.config/prisma.*`):
 *      its `schema:` property, read as text and never executed;
 *   3. `package.json#prisma.schema`;
 *   4. `prisma/schema.prisma`, then `schema.prisma`;
 *   5. a multi-file `prisma/schema/` folder.
 * Paths in a config file are relative to that file; in package.json, to its folder.
 *
 * The grammar is @mrleebo/prisma-ast's (read by schema-reader.ts, or by prisma-ast itself). Models marked `@@ignore` and fields marked
 * `@ignore` are not on the generated client, so they are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as babelParse } from '../../babel.js';
import type { Expression, Node, ObjectExpression } from '@babel/types';
import type { Attribute, Field, Schema } from '@mrleebo/prisma-ast';
import type { FieldFacts, FieldType, ModelFacts, OrmFacts } from '../core/facts.js';
import { readSchemaBlocks } from './schema-reader.js';
import { prismaAstParse } from './prisma-ast.js';

/** A path the user gave that cannot be used: one line, shown without a stack trace. */
export class SchemaUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prisma's scalar types, in neutral terms. */
const BUILT_IN: Readonly<Record<string, FieldType>> = {
  String: 'string',
  Boolean: 'boolean',
  Int: 'int',
  BigInt: 'bigint',
  Float: 'float',
  Decimal: 'decimal',
  DateTime: 'date',
  Json: 'json',
  Bytes: 'bytes',
};
const CONFIG_NAMES = ['prisma.config.ts', 'prisma.config.mts', 'prisma.config.cts', 'prisma.config.js', 'prisma.config.mjs', 'prisma.config.cjs'];

export interface LoadSchemaOptions {
  cwd: string;
  /** `--schema`: a file or a folder. Overrides discovery; a missing path is a UsageError. */
  explicit?: string;
  /** Told when a discovered schema cannot be read or parsed (then rules run without one). */
  warn?: (message: string) => void;
}

/** The schema the Prisma CLI would use in `cwd`, or undefined when there is none. */
export function loadPrismaSchema(opts: LoadSchemaOptions): OrmFacts | undefined {
  if (opts.explicit !== undefined) {
    const path = resolve(opts.cwd, opts.explicit);
    if (!existsSync(path)) throw new SchemaUsageError(`--schema ${opts.explicit}: no such file or folder`);
    try {
      return readPrismaSchema(path);
    } catch (err) {
      throw new SchemaUsageError(`--schema ${opts.explicit}: ${oneLine(err)}`);
    }
  }
  const path = discoverSchemaPath(opts.cwd, opts.warn);
  if (!path) return undefined;
  try {
    return readPrismaSchema(path);
  } catch (err) {
    opts.warn?.(`cannot read the Prisma schema ${path} (${oneLine(err)}); rules that need field types will decline or ask for review. Pass --schema to choose another.`);
    return undefined;
  }
}

/** Where the schema is, per the order above; undefined when nothing is found. */
export function discoverSchemaPath(cwd: string, warn?: (message: string) => void): string | undefined {
  // It runs for every folder above a scanned file: one listing of the folder instead of ~16 stat calls.
  const here = namesIn(cwd);
  const mayHave = (name: string) => here === undefined || here.has(name.toLowerCase());
  const fromConfig = schemaFromConfig(cwd, mayHave);
  if (fromConfig && existsSync(fromConfig)) return fromConfig;
  if (fromConfig) warn?.(`the Prisma config names the schema ${fromConfig}, which does not exist; looking in the usual places`);
  const fromPackage = mayHave('package.json') ? schemaFromPackageJson(cwd) : undefined;
  if (fromPackage && existsSync(fromPackage)) return fromPackage;
  if (fromPackage) warn?.(`package.json#prisma.schema names ${fromPackage}, which does not exist; looking in the usual places`);
  if (mayHave('prisma') && isFile(join(cwd, 'prisma', 'schema.prisma'))) return join(cwd, 'prisma', 'schema.prisma');
  if (mayHave('schema.prisma') && isFile(join(cwd, 'schema.prisma'))) return join(cwd, 'schema.prisma');
  const folder = join(cwd, 'prisma', 'schema');
  if (mayHave('prisma') && isDirectory(folder) && prismaFilesIn(folder).length > 0) return folder;
  return undefined;
}

/**
 * The names in a folder, lower-cased; undefined when it cannot be listed. A
 * name missing here is no file there; a name present is still checked with
 * stat as before (it may be a folder, a link, or differ in case).
 */
function namesIn(dir: string): ReadonlySet<string> | undefined {
  try {
    return new Set(readdirSync(dir).map((n) => n.toLowerCase()));
  } catch {
    return undefined;
  }
}

/**
 * Read a schema file, or every .prisma file under a folder (Prisma's multi-file schema). Throws when it
 * cannot, naming the first file (in order) that cannot be read or parsed. The files schema-reader.ts
 * declines (or all, `reader: false`) go to prisma-ast together, in a worker thread unless `worker` is false.
 */
export function readPrismaSchema(path: string, reader = true, worker = true): OrmFacts {
  const files = isDirectory(path) ? prismaFilesIn(path) : [path];
  if (files.length === 0) throw new Error(`no .prisma files in ${path}`);
  const read = files.map((file): { text: string; blocks?: Schema['list'] } | { error: unknown } => {
    try {
      const text = readFileSync(file, 'utf8');
      return { text, blocks: reader ? readSchemaBlocks(text) : undefined };
    } catch (err) {
      return { error: err };
    }
  });
  const declined = read.filter((r): r is { text: string } => 'text' in r && r.blocks === undefined);
  const parsed = new Map(declined.length > 0 ? prismaAstParse(declined.map((r) => r.text), worker).map((p, i) => [declined[i], p]) : []);
  const blocks: Schema['list'] = [];
  files.forEach((file, i) => {
    const r = read[i];
    const got = 'error' in r ? r : (r.blocks ? { list: r.blocks } : parsed.get(r))!;
    if ('error' in got) throw new Error(`${file} does not parse: ${oneLine(got.error)}`);
    blocks.push(...got.list);
  });
  return toOrmFacts(path, blocks);
}

function toOrmFacts(source: string, blocks: Schema['list']): OrmFacts {
  const enums = new Set<string>();
  const objects = new Set<string>(); // models and views: relation targets
  let provider: string | undefined;
  for (const b of blocks) {
    if (b.type === 'enum') enums.add(b.name);
    else if (b.type === 'model' || b.type === 'view') objects.add(b.name);
    else if (b.type === 'datasource' && provider === undefined) {
      for (const a of b.assignments) if (a.type === 'assignment' && a.key === 'provider' && typeof a.value === 'string') provider = unquote(a.value);
    }
  }
  const models = new Map<string, ModelFacts>();
  for (const b of blocks) {
    if (b.type !== 'model' && b.type !== 'view') continue;
    if (b.properties.some((p) => p.type === 'attribute' && p.kind === 'object' && p.name === 'ignore')) continue;
    const fields = new Map<string, FieldFacts>();
    let compositeId = false;
    for (const p of b.properties) {
      if (p.type === 'attribute' && p.kind === 'object' && p.name === 'id') compositeId = true;
      if (p.type !== 'field') continue;
      if (hasAttribute(p, 'ignore')) continue;
      fields.set(p.name, toField(p, enums, objects));
    }
    const ids = [...fields.values()].filter((f) => f.isId);
    const delegate = b.name.charAt(0).toLowerCase() + b.name.slice(1);
    models.set(delegate, {
      codeName: delegate,
      name: b.name,
      fields,
      // A composite `@@id` is not read: the key is unknown (empty), as before.
      primaryKey: !compositeId && ids.length === 1 ? [ids[0].name] : [],
      uniqueFields: [...fields.values()].filter((f) => f.isUnique).map((f) => f.name),
    });
  }
  return { source, provider, models };
}

function toField(f: Field, enums: ReadonlySet<string>, objects: ReadonlySet<string>): FieldFacts {
  const typeName = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name; // `Unsupported("...")`
  const isRelation = objects.has(typeName);
  const type: FieldType = isRelation ? 'relation' : Object.hasOwn(BUILT_IN, typeName) ? BUILT_IN[typeName] : enums.has(typeName) ? 'enum' : 'unknown';
  return {
    name: f.name,
    type,
    typeName,
    isList: f.array === true,
    nullable: f.optional === true,
    isId: hasAttribute(f, 'id'),
    isUnique: hasAttribute(f, 'unique') || hasAttribute(f, 'id'),
    isRelation,
    isScalar: !isRelation && type !== 'unknown',
  };
}

function hasAttribute(f: Field, name: string): boolean {
  return (f.attributes ?? []).some((a: Attribute) => a.name === name && a.group === undefined);
}

/** `schema:` of the first prisma config file in cwd, resolved against that file's folder. */
function schemaFromConfig(cwd: string, mayHave: (name: string) => boolean): string | undefined {
  const candidates = [
    ...CONFIG_NAMES.filter(mayHave).map((n) => join(cwd, n)),
    ...(mayHave('.config') ? CONFIG_NAMES.map((n) => join(cwd, '.config', n.replace('prisma.config', 'prisma'))) : []),
  ];
  const file = candidates.find(isFile);
  if (!file) return undefined;
  const value = readConfigSchemaProperty(readFileSync(file, 'utf8'));
  return value === undefined ? undefined : resolve(dirname(file), value);
}

/**
 * The `schema` string of a prisma.config file, read from its syntax tree:
 * a string literal, a template with no substitutions, or `path.join(...)` /
 * `path.resolve(...)` / `join(...)` of string literals (`__dirname` and
 * `import.meta.dirname` read as the config's own folder).
 */
export function readConfigSchemaProperty(source: string): string | undefined {
  let ast: Node;
  try {
    ast = babelParse(source, { sourceType: 'unambiguous', plugins: ['typescript'], errorRecovery: true });
  } catch {
    return /\bschema\s*:\s*(['"`])([^'"`$]+)\1/.exec(source)?.[2];
  }
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as Node;
    if (n.type === 'ObjectExpression') {
      const value = schemaValue(n);
      if (value !== undefined) {
        found = value;
        return;
      }
    }
    for (const key of Object.keys(n)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      visit((n as unknown as Record<string, unknown>)[key]);
    }
  };
  visit(ast);
  return found;
}

function schemaValue(obj: ObjectExpression): string | undefined {
  for (const p of obj.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) continue;
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : undefined;
    if (key !== 'schema') continue;
    return staticPath(p.value as Expression);
  }
  return undefined;
}

function staticPath(e: Expression): string | undefined {
  if (e.type === 'StringLiteral') return e.value;
  if (e.type === 'TemplateLiteral' && e.expressions.length === 0) return e.quasis[0]?.value.cooked ?? undefined;
  if (e.type === 'Identifier' && e.name === '__dirname') return '.';
  if (e.type === 'MemberExpression' && e.object.type === 'MetaProperty' && e.property.type === 'Identifier' && e.property.name === 'dirname') return '.';
  if (e.type === 'CallExpression') {
    const callee = e.callee;
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : '';
    if (name !== 'join' && name !== 'resolve') return undefined;
    const parts: string[] = [];
    for (const a of e.arguments) {
      if (a.type === 'SpreadElement' || a.type === 'ArgumentPlaceholder') return undefined;
      const s = staticPath(a as Expression);
      if (s === undefined) return undefined;
      parts.push(s);
    }
    return parts.length > 0 ? join(...parts) : undefined;
  }
  return undefined;
}

function schemaFromPackageJson(cwd: string): string | undefined {
  const file = join(cwd, 'package.json');
  if (!isFile(file)) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { prisma?: { schema?: unknown } };
    const schema = pkg.prisma?.schema;
    return typeof schema === 'string' ? resolve(cwd, schema) : undefined;
  } catch {
    return undefined;
  }
}

/** Every .prisma file under a folder, recursively, in a stable order. */
/** Is this facts source Prisma's kind: a .prisma file, or a folder holding some? (Another plugin may read it otherwise.) */
export function isPrismaSource(path: string): boolean {
  if (isDirectory(path)) return prismaFilesIn(path).length > 0;
  return path.endsWith('.prisma');
}

function prismaFilesIn(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'migrations') out.push(...prismaFilesIn(full));
    else if (entry.isFile() && entry.name.endsWith('.prisma')) out.push(full);
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function unquote(s: string): string {
  return /^"(.*)"$/s.exec(s)?.[1] ?? s;
}

function oneLine(err: unknown): string {
  // prisma-ast (chevrotain) errors list every expected token over many lines; say where and what was found.
  const token = (err as { token?: { image?: string; startLine?: number; startColumn?: number } }).token;
  if (token && token.startLine !== undefined && Number.isFinite(token.startLine)) {
    return `syntax error at line ${token.startLine}, column ${token.startColumn ?? '?'} near '${token.image ?? ''}'`;
  }
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}

/**
 * Does this source define Prisma result extensions: `$extends({ result: ... })`
 * or `Prisma.defineExtension({ result: ... })`? A text heuristic over each
 * call's argument text; a computed field can shadow a stored one, so a
 * projection that drops fields must then be reviewed.
 */
export function detectResultExtensions(source: string): boolean {
  return extensionHasKey(source, 'result');
}

/**
 * Does this source hook Prisma queries per operation: `$extends({ query: ... })`,
 * `Prisma.defineExtension({ query: ... })` or the older `$use(middleware)`? Such a
 * hook may run for findMany but not for the count or findFirst a rewrite calls
 * (the official soft-delete sample hooks findMany, not count), so rewrites that
 * change the operation must be reviewed.
 */
export function detectQueryHooks(source: string): boolean {
  return queryHookOffset(source) !== undefined;
}

/** Where the first per-operation query hook of `source` starts (the `$use` or the `$extends`/`defineExtension` whose argument has `query`), or undefined. */
export function queryHookOffset(source: string): number | undefined {
  const use = /\$use\s*\(/.exec(stripComments(source))?.index;
  const extension = extensionKeyOffset(source, 'query');
  return use === undefined ? extension : extension === undefined ? use : Math.min(use, extension);
}

function extensionHasKey(source: string, key: string): boolean {
  return extensionKeyOffset(source, key) !== undefined;
}

/** The offset of the first `$extends(`/`defineExtension(` call whose argument has `key`. */
function extensionKeyOffset(source: string, key: string): number | undefined {
  const call = /(?:\$extends|\bdefineExtension)\s*\(/g;
  const keyPattern = new RegExp(`(?:^|[{,\\s])(?:${key}|'${key}'|"${key}")\\s*(?::|,|\\}|\\()`);
  let m: RegExpExecArray | null;
  while ((m = call.exec(source)) !== null) {
    const args = balancedArgs(source, m.index + m[0].length);
    if (keyPattern.test(stripComments(args))) return m.index;
  }
  return undefined;
}

/** The text from `from` to the `)` that closes the call opened just before it. */
function balancedArgs(source: string, from: number): string {
  let depth = 1;
  let i = from;
  let quote: string | undefined;
  for (; i < source.length && depth > 0; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
  }
  return source.slice(from, i);
}

/** Comments blanked out, offsets and lines kept. */
function stripComments(text: string): string {
  return text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
}
