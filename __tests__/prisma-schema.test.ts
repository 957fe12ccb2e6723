/** The Prisma schema reader: discovery from every source, multi-file folders, field facts, result extensions. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectResultExtensions, discoverSchemaPath, loadPrismaSchema, readConfigSchemaProperty, readPrismaSchema } from '../lib/orm/prisma/schema.js';
import { readSchemaBlocks } from '../lib/orm/prisma/schema-reader.js';
import { parseInWorker, prismaAstParse } from '../lib/orm/prisma/prisma-ast.js';
import type { Schema } from '@mrleebo/prisma-ast';
import { fixtureSchema } from './helpers/schema.js';

const USER = `datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN
  MEMBER
}

model User {
  id      Int      @id @default(autoincrement())
  email   String   @unique
  name    String?
  role    Role     @default(MEMBER)
  tags    String[]
  balance Decimal  @db.Decimal(10, 2)
  posts   Post[]
  secret  String   @ignore
}
`;
const POST = `model Post {
  id       String @id @default(uuid())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}

model Membership {
  userId Int
  teamId Int
  @@id([userId, teamId])
}

model Legacy {
  id Int @id
  @@ignore
}

model URLRecord {
  id Int @id
}
`;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pushdown-schema-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('readPrismaSchema', () => {
  it('reads models, fields, ids, uniques, relations, enums and the provider', () => {
    const dir = project({ 'schema.prisma': USER + POST });
    const s = readPrismaSchema(join(dir, 'schema.prisma'));
    expect(s.provider).toBe('postgresql');
    expect([...s.models.keys()]).toEqual(['user', 'post', 'membership', 'uRLRecord']);
    const user = s.models.get('user')!;
    expect(user.name).toBe('User');
    expect(user.primaryKey).toEqual(['id']);
    expect(user.fields.get('id')).toMatchObject({ type: 'int', typeName: 'Int', isId: true, isUnique: true, isScalar: true, isRelation: false, nullable: false });
    expect(user.fields.get('email')).toMatchObject({ type: 'string', isUnique: true, isId: false });
    expect(user.fields.get('name')).toMatchObject({ type: 'string', typeName: 'String', nullable: true, isScalar: true });
    expect(user.fields.get('role')).toMatchObject({ type: 'enum', typeName: 'Role', isScalar: true, isRelation: false });
    expect(user.fields.get('tags')).toMatchObject({ type: 'string', isList: true, isScalar: true });
    expect(user.fields.get('balance')).toMatchObject({ type: 'decimal', typeName: 'Decimal', isScalar: true });
    expect(user.fields.get('posts')).toMatchObject({ type: 'relation', typeName: 'Post', isList: true, isRelation: true, isScalar: false });
    expect(user.fields.has('secret')).toBe(false);
    const post = s.models.get('post')!;
    expect(post.fields.get('author')).toMatchObject({ isRelation: true, isScalar: false, isList: false });
    expect(post.primaryKey).toEqual(['id']);
    expect(s.models.get('membership')!.primaryKey).toEqual([]);
  });

  it('reads every .prisma file of a multi-file folder', () => {
    const dir = project({ 'prisma/schema/base.prisma': USER, 'prisma/schema/blog/post.prisma': POST, 'prisma/schema/notes.txt': 'x' });
    const s = readPrismaSchema(join(dir, 'prisma', 'schema'));
    expect(s.models.get('post')!.fields.get('author')!.isRelation).toBe(true);
    expect(s.models.get('user')!.fields.get('posts')!.isRelation).toBe(true);
    expect(s.provider).toBe('postgresql');
  });

  it('throws on a schema that does not parse', () => {
    const dir = project({ 'schema.prisma': 'model {' });
    expect(() => readPrismaSchema(join(dir, 'schema.prisma'))).toThrow(/does not parse/);
  });

  it('reads the test schema', () => {
    const s = fixtureSchema()!;
    expect(s.provider).toBe('sqlite');
    expect(s.models.get('user')!.fields.get('bonus')).toMatchObject({ type: 'int', nullable: true });
    expect(s.models.get('post')!.fields.get('rating')).toMatchObject({ type: 'float', nullable: true });
  });
});

/** Each worker thread loads prisma-ast (~0.35 s, more on a busy machine): generous, never a measure. */
const WORKER_TIMEOUT = 120_000;

describe('the schema reader (schema-reader.ts) against prisma-ast', () => {
  const facts = (dir: string, file: string, reader: boolean, worker = true) => {
    try {
      return JSON.stringify(readPrismaSchema(join(dir, file), reader, worker), (_k, v: unknown) => (v instanceof Map ? [...v] : v));
    } catch (err) {
      return `throws: ${(err as Error).message}`;
    }
  };
  // Forms the reader takes, each with the facts prisma-ast gives.
  const TAKEN: Record<string, string> = {
    'the schemas above': USER + POST,
    'comments, doc comments, a field comment, CRLF, tabs and a BOM': '\uFEFF// top\r\n/// doc\r\nmodel A {\r\n\tid Int @id // the key\r\n\r\n\r\n  b  String?   @db.VarChar(200)\r\n}\r\n',
    'functions, arrays, objects and keyed arguments in attributes': `generator client {\n  provider = "prisma-client-js"\n  previewFeatures = ["views", "fullTextIndex"]\n}\ndatasource db {\n  provider = env("P")\n  url = env("U")\n}\nmodel A {\n  id Int @id @default(dbgenerated("gen_random_uuid()"))\n  n Unsupported("circle")?\n  d Float @default(-1.5e3)\n  f Boolean @default(false)\n  @@index([n(sort: Desc), d], map: "ix")\n  @@map("a_table")\n}\n`,
    'views, composite types and enum values with attributes': 'view V {\n  id Int @unique\n}\ntype T {\n  x String\n}\nenum E {\n  A @map("a") // note\n  B\n  @@map("e")\n}\nmodel M {\n  id Int @id\n  e E\n  t T?\n  v V[]\n}\n',
    'whitespace before a newline joins lines as prisma-ast lexes them': 'model A {\n  id Int @id   \n  b Int @default(1) @unique\n}\n',
    'a keyword-like name and a hyphen in a name': 'model A {\n  id Int @id\n  trueish Boolean\n  nullable-ish Int\n}\n',
    'strings holding a block comment\'s opener and closer': 'model A {\n  id Int @id @map("a/*b")\n  b Int @map("*/")\n}\n',
  };
  // Forms it leaves to prisma-ast (which reads some of them, and rejects others).
  const DECLINED: Record<string, string> = {
    'an unterminated block comment': 'model A {\n  id Int @id\n}\n/* x\n',
    'a block comment inside a field': 'model A {\n  id /* the key */ Int @id\n}\n',
    'a block comment before a field attribute': 'model A {\n  id Int /* the key */ @id\n}\n',
    'a name starting with an underscore': 'model A {\n  _id Int @id\n}\n',
    'a syntax error': 'model {',
    'a newline right after an opening parenthesis': 'model A {\n  id Int @default(\n1)\n}\n',
    'a comment after the opening brace': 'model A { // x\n  id Int @id\n}\n',
    'an unknown block type': 'widget A {\n  id Int\n}\n',
    'a grouped block name': 'model a.B {\n  id Int @id\n}\n',
    'a string as a field type': 'model A {\n  id "Int" @id\n}\n',
    'an assignment in an enum': 'enum E {\n  A = 1\n}\n',
    'a trailing comma': 'model A {\n  id Int @id\n  @@index([id,])\n}\n',
    'an invalid escape in a string': 'model A {\n  id Int @id @map("a\\d")\n}\n',
  };
  it.each(Object.entries(TAKEN))('takes %s, with the facts prisma-ast gives', (_name, text) => {
    expect(readSchemaBlocks(text)).toBeDefined();
    const dir = project({ 'schema.prisma': text });
    expect(facts(dir, 'schema.prisma', true)).toBe(facts(dir, 'schema.prisma', false));
    expect(facts(dir, 'schema.prisma', true)).not.toMatch(/^throws/);
  });
  // Block comments (Prisma 6 and later): prisma-ast drops their slashes and stars and reads their words, so
  // trigger.dev's schema "did not parse". The reader takes them where a line comment may stand, as Prisma does:
  // its facts are prisma-ast's for the text with each block comment blanked (newlines kept).
  const BLOCK_COMMENTS: Record<string, string> = {
    'a doc block before a block': '/**\n * The users.\n * model Fake {\n */\nmodel A {\n  id Int @id\n}\n',
    'block comments between fields, on lines of their own': 'model A {\n  /** the key */\n  id Int @id\n  /* two\n     lines, with // and @unique and } inside */\n  b String?\n  /**/\n}\n',
    'a block comment ending a field line': 'model A {\n  id Int @id /* the key */\n  b String @unique /** @default(1) */\n}\n',
    'a block comment after a block': 'model A {\n  id Int @id\n}\n/* model B {\n  id Int @id\n} */\nenum E {\n  X /* x */\n}\n',
  };
  const blanked = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
  it.each(Object.entries(BLOCK_COMMENTS))('takes %s, with the facts of the text without them', (_name, text) => {
    expect(readSchemaBlocks(text)).toBeDefined();
    const dir = project({ 'schema.prisma': text });
    const bare = project({ 'schema.prisma': blanked(text) });
    const got = facts(dir, 'schema.prisma', true).replaceAll(dir, '<dir>');
    expect(got).not.toMatch(/^throws/);
    expect(got).toBe(facts(bare, 'schema.prisma', false).replaceAll(bare, '<dir>'));
    expect(got).toBe(facts(bare, 'schema.prisma', true).replaceAll(bare, '<dir>'));
  }, WORKER_TIMEOUT);
  it('the block comments taken above are Prisma\'s own (`prisma validate` accepts them)', () => {
    // One schema holding every form above (block names made distinct), checked by Prisma's CLI.
    const forms = Object.values(BLOCK_COMMENTS).map((text, i) => text.replace(/\b(model|enum) ([A-Z])\b/g, `$1 $2${i}`).replace(/\b([A-Z]) \{/g, `$1${i} {`));
    const text = `datasource db {\n  provider = "sqlite"\n}\n${forms.join('\n')}`;
    expect(readSchemaBlocks(text)).toBeDefined();
    const dir = project({ 'schema.prisma': text });
    const prisma = join(import.meta.dirname, '..', 'node_modules', '.bin', 'prisma');
    const r = spawnSync(prisma, ['validate', '--schema', join(dir, 'schema.prisma')], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true', CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/is valid/);
  }, 150_000);
  it.each(Object.entries(DECLINED))('leaves %s to prisma-ast, with the same outcome', (_name, text) => {
    expect(readSchemaBlocks(text)).toBeUndefined();
    const dir = project({ 'schema.prisma': text });
    expect(facts(dir, 'schema.prisma', true)).toBe(facts(dir, 'schema.prisma', false));
    // prisma-ast in its worker thread gives what it gives in this one, errors included.
    expect(facts(dir, 'schema.prisma', true)).toBe(facts(dir, 'schema.prisma', true, false));
  }, WORKER_TIMEOUT);
  it('runs prisma-ast in a worker thread that answers with its blocks and its errors, in order', () => {
    const texts = [...Object.values(DECLINED), USER + POST];
    const here = prismaAstParse(texts, false);
    const answer = parseInWorker(texts);
    expect(Array.isArray(answer), JSON.stringify(answer)).toBe(true);
    const there = answer as ReturnType<typeof prismaAstParse>;
    expect(there).toHaveLength(texts.length);
    const errors = here.filter((p) => 'error' in p).length;
    expect(errors).toBeGreaterThan(2);
    expect(errors).toBeLessThan(texts.length);
    there.forEach((p, i) => {
      const want = here[i];
      if ('list' in want) expect(p).toEqual(want);
      else {
        expect('error' in p, `text ${i}`).toBe(true);
        const [a, b] = [(want.error as { message: string; token?: { image: string; startLine: number; startColumn: number } }), ((p as { error: unknown }).error as typeof want.error & { message: string; token?: unknown })];
        expect(b.message).toBe(a.message);
        expect(b.token).toEqual(a.token ? { image: a.token.image, startLine: a.token.startLine, startColumn: a.token.startColumn } : undefined);
      }
    });
  }, WORKER_TIMEOUT);
  it('a worker that cannot load prisma-ast says so (it does not leave the caller waiting), and the caller parses in its own thread', () => {
    const missing = join(project({ 'x.txt': '' }), 'no-such-module.cjs');
    expect(parseInWorker([USER], missing)).toEqual({ failed: expect.stringMatching(/Cannot find module .*no-such-module\.cjs/) });
    expect(prismaAstParse([USER], true)[0]).toEqual(prismaAstParse([USER], false)[0]);
  }, WORKER_TIMEOUT);
  it('reads a multi-file folder whose files go to prisma-ast in one worker, naming the first that fails', () => {
    // `_note` is a name the reader leaves to prisma-ast (which reads it): a.prisma goes to the worker, b.prisma does not.
    const ok = project({ 'prisma/schema/a.prisma': USER.replace('  secret ', '  _note   String\n  secret '), 'prisma/schema/b.prisma': POST });
    expect(readSchemaBlocks(USER.replace('  secret ', '  _note   String\n  secret '))).toBeUndefined();
    expect(facts(ok, 'prisma/schema', true)).toBe(facts(ok, 'prisma/schema', true, false));
    expect(facts(ok, 'prisma/schema', true)).not.toMatch(/^throws/);
    const bad = project({ 'prisma/schema/a.prisma': USER, 'prisma/schema/b.prisma': 'model {', 'prisma/schema/c.prisma': '/* c */ model {' });
    expect(facts(bad, 'prisma/schema', true)).toMatch(/^throws: .*b\.prisma does not parse: syntax error at line 1/);
    expect(facts(bad, 'prisma/schema', true)).toBe(facts(bad, 'prisma/schema', true, false));
  }, WORKER_TIMEOUT);
  it("gives prisma-ast's blocks for the test and example schemas", () => {
    for (const file of ['test/prisma/schema.prisma', 'examples/prisma-app/prisma/schema.prisma']) {
      const text = readFileSync(join(import.meta.dirname, '..', file), 'utf8');
      const fast = readSchemaBlocks(text);
      expect(fast, file).toBeDefined();
      expect(JSON.stringify(readPrismaSchemaFacts(text, true))).toBe(JSON.stringify(readPrismaSchemaFacts(text, false)));
    }
  });
});

/** The blocks of one schema text: schema-reader.ts's (`reader`), or prisma-ast's in this thread. */
function blocksOf(text: string, reader: boolean): Schema['list'] {
  if (reader) return readSchemaBlocks(text)!;
  const [parsed] = prismaAstParse([text], false);
  if ('error' in parsed) throw parsed.error;
  return parsed.list;
}

/** The parts of the blocks schema.ts reads (comments and blank lines are not among them). */
function readPrismaSchemaFacts(text: string, reader: boolean): unknown {
  const read = new Set(['datasource', 'generator', 'model', 'view', 'type', 'enum']);
  return blocksOf(text, reader).filter((b) => read.has(b.type)).map((b) => {
    const block = b as { type: string; name?: string; properties?: unknown[]; assignments?: unknown[]; enumerators?: unknown[] };
    const pick = (p: unknown) => {
      const x = p as { type: string; name?: string; key?: string; value?: unknown; fieldType?: unknown; array?: boolean; optional?: boolean; kind?: string; attributes?: Array<{ name: string; group?: string }> };
      if (x.type === 'field') return [x.type, x.name, typeof x.fieldType === 'string' ? x.fieldType : (x.fieldType as { name: string }).name, x.array, x.optional, (x.attributes ?? []).map((a) => [a.name, a.group])];
      if (x.type === 'attribute') return [x.type, x.kind, x.name];
      if (x.type === 'assignment') return [x.type, x.key, typeof x.value === 'string' ? x.value : typeof x.value];
      if (x.type === 'enumerator') return [x.type, x.name];
      return undefined;
    };
    return [block.type, block.name, (block.properties ?? block.assignments ?? block.enumerators ?? []).map(pick).filter((x) => x !== undefined)];
  });
}

describe('loadPrismaSchema: discovery', () => {
  it('uses --schema over everything else, file or folder', () => {
    const dir = project({ 'prisma/schema.prisma': USER, 'db/main.prisma': POST, 'multi/a.prisma': POST });
    expect(loadPrismaSchema({ cwd: dir, explicit: 'db/main.prisma' })!.models.has('user')).toBe(false);
    expect(loadPrismaSchema({ cwd: dir, explicit: 'multi' })!.models.has('post')).toBe(true);
  });

  it('a missing --schema is a one-line UsageError', () => {
    const dir = project({});
    let error: unknown;
    try {
      loadPrismaSchema({ cwd: dir, explicit: 'nope.prisma' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('UsageError');
    expect((error as Error).message).toBe('--schema nope.prisma: no such file or folder');
  });

  it('an unparsable --schema is a UsageError naming the file', () => {
    const dir = project({ 'bad.prisma': 'model {' });
    expect(() => loadPrismaSchema({ cwd: dir, explicit: 'bad.prisma' })).toThrow(expect.objectContaining({ name: 'UsageError' }));
  });

  it('reads prisma.config.ts without running it, relative to the config file', () => {
    const dir = project({
      'prisma.config.ts': `import { defineConfig } from 'prisma/config';\nthrow new Error('must not run');\nexport default defineConfig({\n  schema: 'db/app.prisma',\n});\n`,
      'db/app.prisma': POST,
      'prisma/schema.prisma': USER,
    });
    expect(discoverSchemaPath(dir)).toBe(join(dir, 'db', 'app.prisma'));
    expect(loadPrismaSchema({ cwd: dir })!.models.has('post')).toBe(true);
  });

  it('reads .config/prisma.ts and path.join schema values', () => {
    const dir = project({
      '.config/prisma.ts': `import path from 'node:path';\nexport default { schema: path.join(__dirname, '..', 'prisma', 'schema') };\n`,
      'prisma/schema/a.prisma': USER,
      'prisma/schema/b.prisma': POST,
    });
    expect(discoverSchemaPath(dir)).toBe(join(dir, 'prisma', 'schema'));
    expect(readConfigSchemaProperty('export default defineConfig({ schema: `x/y.prisma` })')).toBe('x/y.prisma');
    expect(readConfigSchemaProperty('export default defineConfig({ migrations: {} })')).toBeUndefined();
  });

  it('warns when the config or package.json names a schema that is not there, then looks in the usual places', () => {
    const dir = project({ 'prisma.config.ts': `export default { schema: 'gone.prisma' };`, 'package.json': JSON.stringify({ prisma: { schema: 'gone2.prisma' } }), 'schema.prisma': USER });
    const warnings: string[] = [];
    expect(loadPrismaSchema({ cwd: dir, warn: (m) => warnings.push(m) })!.source).toBe(join(dir, 'schema.prisma'));
    expect(warnings).toEqual([expect.stringMatching(/gone\.prisma, which does not exist/), expect.stringMatching(/gone2\.prisma, which does not exist/)]);
  });

  it('reads package.json#prisma.schema', () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'x', prisma: { schema: 'src/db.prisma' } }), 'src/db.prisma': POST, 'schema.prisma': USER });
    expect(discoverSchemaPath(dir)).toBe(join(dir, 'src', 'db.prisma'));
  });

  it('falls back to prisma/schema.prisma, then schema.prisma, then prisma/schema/', () => {
    expect(discoverSchemaPath(project({ 'prisma/schema.prisma': USER, 'schema.prisma': POST }))).toMatch(/prisma[\\/]schema\.prisma$/);
    const root = project({ 'schema.prisma': POST, 'package.json': '{"name":"x"}' });
    expect(discoverSchemaPath(root)).toBe(join(root, 'schema.prisma'));
    const folder = project({ 'prisma/schema/one.prisma': USER });
    expect(loadPrismaSchema({ cwd: folder })!.models.has('user')).toBe(true);
  });

  it('returns undefined with no schema, and warns (not throws) on a discovered schema that does not parse', () => {
    expect(loadPrismaSchema({ cwd: project({ 'package.json': '{' }) })).toBeUndefined();
    const warnings: string[] = [];
    expect(loadPrismaSchema({ cwd: project({ 'schema.prisma': 'model {' }), warn: (m) => warnings.push(m) })).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/schema\.prisma/);
  });
});

describe('detectResultExtensions', () => {
  it('sees $extends and defineExtension with a result key', () => {
    expect(detectResultExtensions(`const x = prisma.$extends({ result: { user: { fullName: { needs: {}, compute: () => 1 } } } });`)).toBe(true);
    expect(detectResultExtensions(`export default Prisma.defineExtension({\n  name: 'x',\n  result: {},\n});`)).toBe(true);
    expect(detectResultExtensions(`const result = {}; prisma.$extends({ result })`)).toBe(true);
  });
  it('ignores query/model/client extensions and unrelated `result` names', () => {
    expect(detectResultExtensions(`prisma.$extends({ query: { user: { async findMany({ args, query }) { return query(args); } } } }); const result = 1;`)).toBe(false);
    expect(detectResultExtensions(`prisma.$extends({ model: { user: { x() {} } } /* result: */ })`)).toBe(false);
    expect(detectResultExtensions(`const result = await prisma.user.findMany();`)).toBe(false);
  });
});
