/**
 * The result cache (--cache, lib/runner/cache.ts): a cached run gives exactly
 * the records an uncached run gives; an entry answers only for the same bytes,
 * path, facts, options and build; a damaged or unwritable cache never changes
 * a result.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildId } from '../lib/runner/cache.js';
import { runPushdown } from '../lib/runner/index.js';
import type { RunResult } from '../lib/types.js';
import { runOptions, tempTrees } from './helpers/trees.js';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'bin', 'pushdown.js');
const { dir: tempDir, tree } = tempTrees('pushdown-cache-');

/** The bundled example apps (sources, schemas, package.json files), without their databases and generated clients. */
function examples(): string {
  const root = tempDir();
  cpSync(join(ROOT, 'examples'), root, { recursive: true, filter: (src) => !/[\\/](\.data|generated|node_modules)$/.test(src) });
  return root;
}

const options = runOptions;

/** What a reporter sees of a run, minus the clock and the cache's own count. */
function records(result: RunResult): unknown {
  const { filesFromCache: _hits, totals, ...rest } = result;
  return { ...rest, totals: { ...totals, elapsedMs: 0 } };
}

const COUNTED = `import { prisma } from './db';
export async function n() {
  return (await prisma.user.findMany({ where: { active: true } })).length;
}
`;
const UNTOUCHED = `import { prisma } from './db';
export async function all() {
  return prisma.user.findMany();
}
`;

describe('the result cache', () => {
  it('answers every parsed file of the example apps on the second run, with the records of an uncached run', async () => {
    const cwd = examples();
    const cache = join(cwd, 'cache.json');
    const uncached = await runPushdown(options(cwd));
    const first = await runPushdown(options(cwd, { cache }));
    const second = await runPushdown(options(cwd, { cache }));
    expect(uncached.totals.filesParsed).toBeGreaterThan(5);
    expect(uncached.totals.edits).toBeGreaterThan(5);
    expect(uncached.totals.findings).toBeGreaterThan(0);
    expect(first.filesFromCache).toBe(0);
    expect(second.filesFromCache).toBe(uncached.totals.filesParsed);
    expect(records(first)).toEqual(records(uncached));
    expect(records(second)).toEqual(records(uncached));
    expect(uncached.filesFromCache).toBeUndefined();
  });

  it('analyses again only the file whose bytes changed', async () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': COUNTED, 'src/b.ts': UNTOUCHED, 'src/c.ts': COUNTED });
    const cache = join(cwd, 'cache.json');
    await runPushdown(options(cwd, { cache }));
    writeFileSync(join(cwd, 'src/b.ts'), COUNTED);
    writeFileSync(join(cwd, 'src/c.ts'), UNTOUCHED);
    const after = await runPushdown(options(cwd, { cache }));
    expect(after.filesFromCache).toBe(1);
    expect(after.files.map((f) => [f.path, f.status])).toEqual([
      ['src/a.ts', 'changed'],
      ['src/b.ts', 'changed'],
      ['src/c.ts', 'unchanged'],
    ]);
    expect(records(after)).toEqual(records(await runPushdown(options(cwd))));
  });

  it('answers nothing when the options, the ORM facts or the build differ', async () => {
    const cwd = tree({
      'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}',
      'prisma/schema.prisma': 'datasource db {\n  provider = "sqlite"\n}\nmodel User {\n  id Int @id\n  active Boolean\n}\n',
      'src/a.ts': COUNTED,
      'src/b.ts': UNTOUCHED,
    });
    const cache = join(cwd, 'cache.json');
    await runPushdown(options(cwd, { cache }));
    expect((await runPushdown(options(cwd, { cache }))).filesFromCache).toBe(2);
    expect((await runPushdown(options(cwd, { cache, batchSize: 10 }))).filesFromCache).toBe(0);
    expect((await runPushdown(options(cwd, { cache, mode: 'write', force: true, paths: ['src/b.ts'] }))).filesFromCache).toBe(0);
    // The facts: a schema on another database.
    await runPushdown(options(cwd, { cache }));
    writeFileSync(join(cwd, 'prisma/schema.prisma'), 'datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id\n  active Boolean\n}\n');
    expect((await runPushdown(options(cwd, { cache }))).filesFromCache).toBe(0);
    expect((await runPushdown(options(cwd, { cache }))).filesFromCache).toBe(2);
    // The facts inside a model (kept in Maps): a field made nullable, then unique, then one more field.
    for (const field of ['active Boolean?', 'active Boolean @unique', 'active Boolean\n  name String']) {
      writeFileSync(join(cwd, 'prisma/schema.prisma'), `datasource db {\n  provider = "postgresql"\n}\nmodel User {\n  id Int @id\n  ${field}\n}\n`);
      expect((await runPushdown(options(cwd, { cache }))).filesFromCache, field).toBe(0);
      expect((await runPushdown(options(cwd, { cache }))).filesFromCache, field).toBe(2);
    }
  });

  it('answers nothing for any file when models read from code change (facts from another file)', async () => {
    const models = (credits: string) =>
      `import { DataTypes, Model, Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('sqlite::memory:');\nexport class Customer extends Model {}\nCustomer.init({\n  id: { type: DataTypes.INTEGER, primaryKey: true },\n  credits: ${credits},\n}, { sequelize, timestamps: false });\n`;
    const billing = `import { Customer } from './models';\nexport async function total() {\n  const rows = await Customer.findAll();\n  return rows.reduce((s, c) => s + c.credits, 0);\n}\n`;
    const cwd = tree({
      'package.json': '{"dependencies":{"sequelize":"6.37.0"}}',
      'src/models.ts': models('{ type: DataTypes.INTEGER, allowNull: false }'),
      'src/billing.ts': billing,
    });
    const cache = join(cwd, 'cache.json');
    const first = await runPushdown(options(cwd, { cache }));
    expect(first.files.find((f) => f.path === 'src/billing.ts')?.status).toBe('changed');
    expect((await runPushdown(options(cwd, { cache }))).filesFromCache).toBe(1);
    // The column made nullable in models.ts: billing.ts's bytes are the same, but its facts are not.
    writeFileSync(join(cwd, 'src/models.ts'), models('{ type: DataTypes.INTEGER, allowNull: true }'));
    const after = await runPushdown(options(cwd, { cache }));
    expect(after.filesFromCache).toBe(0);
    expect(records(after)).toEqual(records(await runPushdown(options(cwd))));
  });

  it('takes the build from every file of pushdown: one changed byte makes another key', () => {
    const root = tempDir();
    mkdirSync(join(root, 'lib', 'orm'), { recursive: true });
    mkdirSync(join(root, 'transforms'));
    writeFileSync(join(root, 'lib', 'orm', 'a.js'), 'export const a = 1;\n');
    writeFileSync(join(root, 'transforms', 'r.js'), 'export const r = 1;\n');
    const before = buildId(root);
    expect(buildId(root)).toBe(before);
    writeFileSync(join(root, 'lib', 'orm', 'a.js'), 'export const a = 2;\n');
    const changed = buildId(root);
    expect(changed).not.toBe(before);
    writeFileSync(join(root, 'transforms', 'r2.js'), '');
    expect(buildId(root)).not.toBe(changed);
    expect(buildId()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives back a changed file exactly: BOM, CRLF, before and after, and --write writes it', async () => {
    const crlf = '\uFEFF' + COUNTED.replace(/\n/g, '\r\n');
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': crlf });
    const cache = join(cwd, 'cache.json');
    const uncached = await runPushdown(options(cwd));
    await runPushdown(options(cwd, { cache }));
    const hit = await runPushdown(options(cwd, { cache }));
    expect(hit.filesFromCache).toBe(1);
    const file = hit.files.find((f) => f.path === 'src/a.ts');
    expect(file?.before).toBe(crlf);
    expect(file?.after?.startsWith('\uFEFF')).toBe(true);
    expect(file?.after).toContain('.count(');
    expect(records(hit)).toEqual(records(uncached));
    await runPushdown(options(cwd, { cache, mode: 'write', force: true }));
    const written = await runPushdown(options(cwd, { cache, mode: 'write', force: true }));
    expect(written.filesFromCache).toBe(0); // the written file is another file now
    expect(readFileSync(join(cwd, 'src/a.ts'), 'utf8')).toBe(file?.after);
  });

  it('keeps parse errors (and the exit they cause), not read errors or crashes', async () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/bad.ts': 'prisma.user.findMany(;\n', 'src/a.ts': COUNTED });
    const cache = join(cwd, 'cache.json');
    await runPushdown(options(cwd, { cache }));
    const again = await runPushdown(options(cwd, { cache }));
    expect(again.filesFromCache).toBe(2);
    expect(again.files.find((f) => f.path === 'src/bad.ts')).toMatchObject({ status: 'parse-error', parsed: false });
    expect(again.totals.filesFailed).toBe(1);
  });

  it('ignores a damaged or foreign cache file, and replaces it', async () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': COUNTED });
    const cache = join(cwd, 'cache.json');
    const plain = records(await runPushdown(options(cwd)));
    for (const damaged of ['{"format":1,"run":', 'null', '[]', '{"format":99,"run":"x","files":{}}', '\u0000\u0001']) {
      writeFileSync(cache, damaged);
      const result = await runPushdown(options(cwd, { cache }));
      expect(result.filesFromCache).toBe(0);
      expect(records(result)).toEqual(plain);
      expect(JSON.parse(readFileSync(cache, 'utf8'))).toMatchObject({ format: 1 });
    }
    // An entry whose result was tampered with is still only answered for its own key: a key for other bytes misses.
    const data = JSON.parse(readFileSync(cache, 'utf8'));
    for (const entry of Object.values(data.files) as { key: string }[]) entry.key = '0'.repeat(64);
    writeFileSync(cache, JSON.stringify(data));
    expect((await runPushdown(options(cwd, { cache }))).filesFromCache).toBe(0);
  });

  it('warns, and still reports every result, when the cache cannot be written', async () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': COUNTED, 'blocker': 'a file, not a folder' });
    const result = await runPushdown(options(cwd, { cache: 'blocker/cache.json' }));
    expect(result.warnings?.filter((w) => w.includes('the cache could not be written'))).toHaveLength(1);
    const plain = await runPushdown(options(cwd));
    expect(records({ ...result, warnings: plain.warnings })).toEqual(records(plain));
  });
});

describe('--cache on the command line', () => {
  const run = (cwd: string, args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

  it('keeps the cache under node_modules/.cache/pushdown by default, says what it answered, and exits as without it', () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': COUNTED, 'src/b.ts': UNTOUCHED });
    const plain = run(cwd, ['--check', '--format', 'json']);
    const first = run(cwd, ['--check', '--cache']);
    expect(existsSync(join(cwd, 'node_modules/.cache/pushdown/results.json'))).toBe(true);
    const second = run(cwd, ['--check', '--cache']);
    expect([plain.status, first.status, second.status]).toEqual([1, 1, 1]);
    expect(first.stdout).toContain('2 parsed,');
    expect(second.stdout).toContain('2 parsed (2 of them answered from the cache)');
    const json = run(cwd, ['--check', '--cache', '--format', 'json']);
    const strip = (s: string) => s.replace(/"elapsedMs": \d+/, '');
    expect(strip(json.stdout)).toBe(strip(plain.stdout));
  });

  it('finds the default location from the nearest package.json up, as find-cache-dir does', () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': COUNTED });
    expect(run(join(cwd, 'src'), ['--cache']).status).toBe(0);
    expect(existsSync(join(cwd, 'node_modules/.cache/pushdown/results.json'))).toBe(true);
    expect(existsSync(join(cwd, 'src', 'node_modules'))).toBe(false);
  });

  it('takes --cache-location (relative to the folder it is run in), and refuses it without --cache', () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': COUNTED });
    expect(run(cwd, ['--cache', '--cache-location', 'tmp/c.json']).status).toBe(0);
    expect(existsSync(join(cwd, 'tmp/c.json'))).toBe(true);
    expect(existsSync(join(cwd, 'node_modules'))).toBe(false);
    const refused = run(cwd, ['--cache-location', 'tmp/c.json']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--cache-location only applies with --cache');
  });

  it('reports an unwritable cache location as a warning, with the run\'s own exit code', () => {
    const cwd = tree({ 'package.json': '{"dependencies":{"@prisma/client":"7.0.0"}}', 'src/a.ts': UNTOUCHED, blocker: 'a file, not a folder' });
    const r = run(cwd, ['--cache', '--cache-location', 'blocker/c.json']);
    expect(r.stdout).toMatch(/warning.*the cache could not be written to/);
    expect(r.status).toBe(0);
  });
});
