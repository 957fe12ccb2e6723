/**
 * The runner as an exported API (no CLI): discovery and prefilter, the nearest
 * schema per file, per-operation hooks downgrading safe rewrites, order.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectQueryHooks } from '../lib/orm/prisma/schema.js';
import { runPushdown } from '../lib/runner/index.js';
import { runOptions, tempTrees } from './helpers/trees.js';

const { tree } = tempTrees('pushdown-runner-');
const options = runOptions;

const COUNTED = `import { prisma } from './db';
export async function n() {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}
`;

describe('runPushdown', () => {
  it('parses only files the prefilter lets through, and returns records sorted by path', async () => {
    const cwd = tree({
      'src/b.ts': COUNTED,
      'src/a.ts': 'export const x = [1].length;\n',
      'src/repo.ts': 'export class Repo {\n  async findMany() {\n    return [];\n  }\n}\n', // defines findMany, never calls it
      'src/c/z.ts': COUNTED,
    });
    const result = await runPushdown(options(cwd));
    expect(result.files.map((f) => [f.path, f.status, f.parsed])).toEqual([
      ['src/a.ts', 'skipped', false],
      ['src/b.ts', 'changed', true],
      ['src/c/z.ts', 'changed', true],
      ['src/repo.ts', 'skipped', false],
    ]);
    expect(result.totals).toMatchObject({ filesScanned: 4, filesParsed: 2, filesChanged: 2, edits: 2, findings: 0 });
  });

  it('gives the same records with worker threads as in-process', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`src/f${String(i).padStart(3, '0')}.ts`] = i % 3 === 0 ? COUNTED : `export const v${i} = ${i};\n// findMany mentioned, never called\n`;
    const cwd = tree(files);
    const strip = (r: Awaited<ReturnType<typeof runPushdown>>) => r.files.map(({ path, status, edits, findings, diff }) => ({ path, status, edits, findings, diff }));
    // Workers run the compiled worker file: use the built runner (npm test builds first).
    const built = (await import(join(import.meta.dirname, '..', 'dist', 'lib', 'runner', 'index.js'))) as { runPushdown: typeof runPushdown };
    const single = await built.runPushdown(options(cwd, { jobs: 1 }));
    const pooled = await built.runPushdown(options(cwd, { jobs: 2 }));
    expect(single.workers).toBe(0);
    expect(pooled.workers).toBe(2);
    expect(strip(pooled)).toEqual(strip(single));
    expect(single.totals.filesChanged).toBe(50);
  }, 60_000);

  it('analyses a file of 1 MiB or more in a worker of its own, with the same records as in-process', async () => {
    const lines = ["import { prisma } from './db';", 'export async function counts(): Promise<number[]> {', '  const out: number[] = [];'];
    for (let i = 0; lines.join('\n').length < 1.1 * 2 ** 20; i++) lines.push(`  out.push((await prisma.user.findMany({ where: { id: { gt: ${i} } } })).length);`);
    lines.push('  return out;', '}', '');
    const edits = lines.length - 6;
    const cwd = tree({ 'src/big.ts': lines.join('\n'), 'src/small.ts': COUNTED });
    const strip = (r: Awaited<ReturnType<typeof runPushdown>>) => r.files.map(({ path, status, edits, findings, diff }) => ({ path, status, edits, findings, diff }));
    const built = (await import(join(import.meta.dirname, '..', 'dist', 'lib', 'runner', 'index.js'))) as { runPushdown: typeof runPushdown };
    const pooled = await built.runPushdown(options(cwd, { jobs: 1 }));
    // Under the TypeScript runner there is no compiled worker: the same file in-process.
    const inProcess = await runPushdown(options(cwd, { jobs: 1 }));
    expect(pooled.workers).toBe(1);
    expect(inProcess.workers).toBe(0);
    expect(strip(pooled)).toEqual(strip(inProcess));
    expect(pooled.totals).toMatchObject({ filesParsed: 2, filesChanged: 2, edits: edits + 1 });
  }, 300_000);

  it('downgrades safe rewrites to review when the project hooks queries per operation', async () => {
    const hooks = `import { PrismaClient } from '@prisma/client';
export const prisma = new PrismaClient().$extends({
  query: { user: { async findMany({ args, query }) { args.where = { ...args.where, deletedAt: null }; return query(args); } } },
});
`;
    const plain = await runPushdown(options(tree({ 'src/n.ts': COUNTED })));
    expect(plain.files[0].edits.map((e) => e.tier)).toEqual(['safe']);
    const hooked = await runPushdown(options(tree({ 'src/n.ts': COUNTED, 'src/db.ts': hooks })));
    const edit = hooked.files.find((f) => f.path === 'src/n.ts')?.edits[0];
    expect(edit?.tier).toBe('review');
    // The message names the file and line of the hook: which one decided the tier depends on the paths scanned.
    expect(edit?.message).toMatch(/hooks queries per operation \(a Prisma query extension or middleware in src\/db\.ts:2\)/);
    const written = await runPushdown(options(tree({ 'src/n.ts': COUNTED, 'src/db.ts': hooks }), { mode: 'write' }));
    expect(written.files.find((f) => f.path === 'src/n.ts')?.status).toBe('unchanged');
    // The hooks count even when the file defining them is outside the paths scanned.
    const elsewhere = tree({ '.git/HEAD': 'x\n', 'src/routes/n.ts': COUNTED, 'src/lib/db.ts': hooks });
    const sub = await runPushdown(options(elsewhere, { paths: ['src/routes'] }));
    expect(sub.files.map((f) => [f.path, f.edits[0]?.tier])).toEqual([['src/routes/n.ts', 'review']]);
    expect(sub.files[0].edits[0].message).toContain('middleware in src/lib/db.ts:2)');
    // ...but another package's hooks (here: the repository's tests) do not decide this package's tiers.
    const repo = tree({ '.git/HEAD': 'x\n', 'tests/hooks.ts': hooks, 'examples/app/package.json': '{}\n', 'examples/app/src/n.ts': COUNTED });
    const app = await runPushdown(options(repo, { paths: ['examples/app'] }));
    expect(app.files.map((f) => [f.path, f.edits[0]?.tier])).toEqual([['examples/app/src/n.ts', 'safe']]);
  });

  it('names the file and line of the hook that made an edit review, and how many other files hook', async () => {
    const middleware = `import { PrismaClient } from '@prisma/client';
export const prisma = new PrismaClient();
// prisma.$use(commented out)
prisma.$use(async (params, next) => next(params));
`;
    const second = `import { Prisma } from '@prisma/client';
export const softDelete = Prisma.defineExtension({ query: { $allModels: {} } });
`;
    const one = await runPushdown(options(tree({ 'src/n.ts': COUNTED, 'src/db.ts': middleware })));
    expect(one.files.find((f) => f.path === 'src/n.ts')?.edits[0].message).toContain('(a Prisma query extension or middleware in src/db.ts:4)');
    const two = await runPushdown(options(tree({ 'src/n.ts': COUNTED, 'src/db.ts': middleware, 'src/ext/soft.ts': second })));
    expect(two.files.find((f) => f.path === 'src/n.ts')?.edits[0].message).toContain('in src/db.ts:4 (and 1 other file))');
  });

  it('names the file of a Sequelize find hook and of a Mongoose find middleware', async () => {
    const models = `import { DataTypes, Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export class User extends Model {}
User.init({ age: DataTypes.INTEGER }, { sequelize, modelName: 'user' });
`;
    const hook = "import { User } from './models';\n\nUser.addHook('beforeFind', (options) => options);\n";
    const counted = "import { User } from './models';\nexport async function n() {\n  return (await User.findAll({ where: { age: 3 } })).length;\n}\n";
    const pkg = (dep: string) => JSON.stringify({ dependencies: { [dep]: '*' } });
    const plain = await runPushdown(options(tree({ 'package.json': pkg('sequelize'), 'src/models.ts': models, 'src/n.ts': counted })));
    expect(plain.files.find((f) => f.path === 'src/n.ts')?.edits.map((e) => e.tier)).toEqual(['safe']);
    const hooked = await runPushdown(options(tree({ 'package.json': pkg('sequelize'), 'src/models.ts': models, 'src/hooks.ts': hook, 'src/n.ts': counted })));
    const edit = hooked.files.find((f) => f.path === 'src/n.ts')?.edits[0];
    expect(edit?.tier).toBe('review');
    expect(edit?.message).toContain('find hooks (beforeFind, afterFind, ...; one in src/hooks.ts:3)');

    const schema = `import { model, Schema } from 'mongoose';
const userSchema = new Schema({ age: Number });

userSchema.pre('find', function () {
  this.where({ deletedAt: null });
});
export const User = model('User', userSchema);
`;
    const found = "import { User } from './user';\nexport async function n() {\n  return (await User.find({ age: 3 })).length;\n}\n";
    const mongo = await runPushdown(options(tree({ 'package.json': pkg('mongoose'), 'src/user.ts': schema, 'src/n.ts': found })));
    const m = mongo.files.find((f) => f.path === 'src/n.ts')?.edits[0];
    expect(m?.tier).toBe('review');
    expect(m?.message).toContain('find middleware (pre/post find, in src/user.ts:4)');
  });

  it('reads the nearest schema for each file (a monorepo with two apps)', async () => {
    const schema = (idType: string) => `datasource db {\n  provider = "sqlite"\n}\nmodel Post {\n  key ${idType} @id\n  views Int\n}\n`;
    const exists = `import { prisma } from './db';
export async function any() {
  return (await prisma.post.findMany({ where: { views: 3 } })).length > 0;
}
`;
    const cwd = tree({
      'apps/a/prisma/schema.prisma': schema('Int'),
      'apps/a/src/x.ts': exists,
      'apps/b/schema.prisma': schema('String').replace('key', 'slug'),
      'apps/b/src/x.ts': exists,
    });
    const result = await runPushdown(options(cwd, { transforms: ['length-check-to-exists'] }));
    const after = Object.fromEntries(result.files.map((f) => [f.path, f.after ?? '']));
    expect(after['apps/a/src/x.ts']).toContain('select: { key: true }');
    expect(after['apps/b/src/x.ts']).toContain('select: { slug: true }');
  }, 60_000); // the first schema read loads the schema parser: slow on a busy machine
});

describe('detectQueryHooks', () => {
  it('sees query extensions and middleware, not result extensions or comments', () => {
    expect(detectQueryHooks('prisma.$extends({ query: { $allModels: {} } })')).toBe(true);
    expect(detectQueryHooks("Prisma.defineExtension({ name: 'x', query: {} })")).toBe(true);
    expect(detectQueryHooks('prisma.$use(async (params, next) => next(params))')).toBe(true);
    expect(detectQueryHooks('prisma.$extends({ result: { user: {} } })')).toBe(false);
    expect(detectQueryHooks('// prisma.$use(x)\nconst query = 1;')).toBe(false);
  });
});

describe('tiers across rules', () => {
  it('a safe rewrite of code a review edit produced is reported as review, and --write alone makes neither', async () => {
    const src = `import { prisma } from './db';
export async function other(title: string) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  return posts.filter((p) => p.views > 10).length;
}
`;
    const schema = 'datasource db {\n  provider = "sqlite"\n}\nmodel Post {\n  id Int @id\n  views Int\n  published Boolean\n}\n';
    const cwd = tree({ 'src/x.ts': src, 'prisma/schema.prisma': schema });
    const dry = await runPushdown(options(cwd));
    const edits = dry.files.find((f) => f.path === 'src/x.ts')?.edits ?? [];
    expect(edits.map((e) => [e.rule, e.tier])).toEqual([
      ['filter-to-where', 'review'],
      ['length-to-count', 'review'],
    ]);
    expect(edits[1].message).toMatch(/comes with that edit/);
    expect(dry.files.find((f) => f.path === 'src/x.ts')?.after).toContain('prisma.post.count({ where: { published: true, views: { gt: 10 } } })');
    const written = await runPushdown(options(cwd, { mode: 'write' }));
    // Neither review edit is written; the load is narrowed to the one field read (map-to-select, safe on its own code).
    const file = written.files.find((f) => f.path === 'src/x.ts');
    expect(file?.edits.filter((e) => e.applied).map((e) => [e.rule, e.tier])).toEqual([['map-to-select', 'safe']]);
    expect(readFileSync(join(cwd, 'src/x.ts'), 'utf8')).toBe(src.replace('{ where: { published: true } }', '{ where: { published: true }, select: { views: true } }'));
  });
});

describe('discovery', () => {
  it('scans a folder named explicitly even when an outer .gitignore lists it, keeping the rules inside it', async () => {
    const cwd = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'corpus/\n',
      'corpus/a.ts': COUNTED,
      'corpus/.gitignore': 'skipped.ts\n',
      'corpus/skipped.ts': COUNTED,
      'src/b.ts': COUNTED,
    });
    const whole = await runPushdown(options(cwd));
    expect(whole.files.map((f) => f.path)).toEqual(['src/b.ts']);
    const named = await runPushdown(options(cwd, { paths: ['corpus'] }));
    expect(named.files.map((f) => f.path)).toEqual(['corpus/a.ts']);
  });

  it('a nested repository takes no ignore rules from the one around it', async () => {
    const cwd = tree({ '.git/HEAD': 'x\n', '.gitignore': '*.ts\n', 'inner/.git/HEAD': 'x\n', 'inner/a.ts': COUNTED });
    const result = await runPushdown(options(cwd, { paths: ['inner'] }));
    expect(result.files.map((f) => f.path)).toEqual(['inner/a.ts']);
  });
});
