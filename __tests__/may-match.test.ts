/**
 * mayMatchLoad / mayMatchKeyedQuery are necessary conditions: a call they
 * turn down is never crawled for, so every call the plugin's matchLoad (or
 * matchKeyedQuery) accepts must pass them. Walks every fixture input, once with
 * only its own plugin active (as the fixture tests run it) and once with every
 * plugin active, each with its fixture facts; asks matchLoad about every call
 * named like a load and matchKeyedQuery about every call, and checks that the
 * plain-AST test accepted each call they accepted.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodePath } from '@babel/traverse';
import type { CallExpression, File } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { programPath } from '../lib/engine.js';
import { parseSource } from '../lib/parse.js';
import { clientNamesFor, plugins } from '../lib/orm/core/registry.js';
import type { OrmOptions } from '../lib/orm/core/types.js';
import type { RuleContext, RuleOptions } from '../lib/rule.js';
import { ormRuleOptions } from './helpers/schema.js';

const root = join(import.meta.dirname, '..', '__testfixtures__');

function fixtureInputs(): { orm: string; file: string; factsOff: boolean }[] {
  const out: { orm: string; file: string; factsOff: boolean }[] = [];
  for (const rule of readdirSync(root).sort()) {
    for (const orm of readdirSync(join(root, rule)).sort()) {
      const dir = join(root, rule, orm);
      for (const f of readdirSync(dir).sort()) {
        const m = /^(.*)\.input\.[a-z]+$/.exec(f);
        if (!m) continue;
        const options = join(dir, `${m[1]}.options.json`);
        const factsOff = existsSync(options) && (JSON.parse(readFileSync(options, 'utf8')) as { facts?: null }).facts === null;
        out.push({ orm, file: join(dir, f), factsOff });
      }
    }
  }
  return out;
}

function context(ast: File, source: string, filePath: string, options: RuleOptions): RuleContext {
  return {
    ruleId: 'may-match-test',
    source,
    filePath,
    ast,
    get program() {
      return programPath(ast);
    },
    options,
    text: (node) => source.slice(node.start ?? 0, node.end ?? 0),
    rewrite: () => false,
    finding: () => undefined,
  };
}

/** Every plugin active, each with its fixture facts. */
function allPluginOptions(): RuleOptions {
  const orm: Record<string, OrmOptions> = {};
  for (const p of plugins) Object.assign(orm, ormRuleOptions(p.id).orm);
  return { ...ormRuleOptions(plugins[0].id), orms: undefined, orm };
}

interface Tally {
  loads: number;
  loadMisses: string[];
  keyed: number;
  keyedMisses: string[];
}

const tallies = new Map<string, Tally>(plugins.map((p) => [p.id, { loads: 0, loadMisses: [], keyed: 0, keyedMisses: [] }]));

function check(file: string, options: RuleOptions): void {
  const source = readFileSync(file, 'utf8');
  const ast = parseSource(source, file);
  const ctx = context(ast, source, file, options);
  const calls: NodePath<CallExpression>[] = [];
  ctx.program.traverse({
    CallExpression(path) {
      calls.push(path);
    },
  });
  const active = plugins.filter((p) => options.orms === undefined || options.orms.includes(p.id));
  for (const p of active) {
    const clientNames = clientNamesFor(p, options);
    const tally = tallies.get(p.id)!;
    const where = (path: NodePath<CallExpression>) => `${file}:${path.node.loc?.start.line}: ${source.slice(path.node.start ?? 0, path.node.end ?? 0).slice(0, 60)}`;
    for (const path of calls) {
      const callee = path.node.callee;
      const named = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && p.dialect.loadCallNames.includes(callee.property.name);
      if (named && p.dialect.matchLoad(path, ctx, clientNames)) {
        tally.loads++;
        if (p.dialect.mayMatchLoad && !p.dialect.mayMatchLoad(path.node, ctx, clientNames)) tally.loadMisses.push(where(path));
      }
      if (p.dialect.matchKeyedQuery?.(path, ctx, clientNames)) {
        tally.keyed++;
        if (p.dialect.mayMatchKeyedQuery && !p.dialect.mayMatchKeyedQuery(path.node, ctx, clientNames)) tally.keyedMisses.push(where(path));
      }
    }
  }
}

describe('mayMatchLoad and mayMatchKeyedQuery accept every call matchLoad and matchKeyedQuery accept', () => {
  const inputs = fixtureInputs();
  const everyPlugin = allPluginOptions();
  for (const { orm, file, factsOff } of inputs) {
    check(file, ormRuleOptions(orm, factsOff ? { facts: null } : {}));
    check(file, everyPlugin);
  }

  it('walked the fixture inputs', () => {
    expect(inputs.length).toBeGreaterThan(100);
  });
  for (const p of plugins) {
    it(`${p.id}: every load of the fixtures passes mayMatchLoad`, () => {
      const t = tallies.get(p.id)!;
      expect(p.dialect.mayMatchLoad, 'every plugin has the plain-AST test').toBeTypeOf('function');
      expect(t.loads, 'the fixtures hold loads of this plugin').toBeGreaterThan(5);
      expect(t.loadMisses).toEqual([]);
    });
    if (p.dialect.matchKeyedQuery) {
      it(`${p.id}: every keyed query of the fixtures passes mayMatchKeyedQuery`, () => {
        const t = tallies.get(p.id)!;
        expect(t.keyed, 'the fixtures hold keyed queries of this plugin').toBeGreaterThan(0);
        expect(t.keyedMisses).toEqual([]);
      });
    }
  }
});

describe('mayMatchLoad turns down look-alikes', () => {
  /** The first call in `code` whose method is `method`, asked of plugin `id` with its fixture facts (or none). */
  function ask(id: string, code: string, method: string, facts: 'fixture' | null = 'fixture'): boolean {
    const plugin = plugins.find((p) => p.id === id)!;
    const ast = parseSource(code, 'look-alike.ts');
    const options = ormRuleOptions(id, facts === null ? { facts: null } : {});
    const ctx = context(ast, code, '/nowhere/look-alike.ts', options);
    let call: CallExpression | undefined;
    ctx.program.traverse({
      CallExpression(path) {
        const callee = path.node.callee;
        if (!call && callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.property.name === method) call = path.node;
      },
    });
    if (!call) throw new Error(`no .${method}() in ${code}`);
    return plugin.dialect.mayMatchLoad!(call, ctx, clientNamesFor(plugin, options));
  }

  const arrayFind = 'const arr = [1, 2]; const x = arr.find((v) => v > 1);';
  const arrayFrom = 'const a = Array.from(new Set([1])); const b = Buffer.from("x");';
  const listSort = 'const list = [3, 1]; list.sort();';

  it('arr.find(x => x): not a MikroORM, Mongoose or TypeORM load (TypeORM: in a project without entities)', () => {
    expect(ask('mikro-orm', arrayFind, 'find')).toBe(false);
    expect(ask('mongoose', arrayFind, 'find')).toBe(false);
    expect(ask('typeorm', arrayFind, 'find', null)).toBe(false);
  });
  it('Array.from(x), Buffer.from(x): not a Drizzle select', () => {
    expect(ask('drizzle', arrayFrom, 'from')).toBe(false);
    expect(ask('drizzle', 'const b = Buffer.from("x");', 'from')).toBe(false);
  });
  it("list.sort(), knex('t').where(...), a string table: not a Mongoose chain nor a Drizzle select", () => {
    expect(ask('mongoose', listSort, 'sort')).toBe(false);
    expect(ask('drizzle', "const rows = await knex('users').where('id', 1);", 'where')).toBe(false);
    expect(ask('drizzle', "const rows = await db.select().from('users');", 'from')).toBe(false);
  });
  it('findMany off a computed or $-member, or with two arguments: not a Prisma load', () => {
    expect(ask('prisma', 'await prisma.$queryRaw.findMany();', 'findMany')).toBe(false);
    expect(ask('prisma', 'await prisma.user.findMany({}, {});', 'findMany')).toBe(false);
    expect(ask('prisma', 'await this.repo.user.findMany();', 'findMany')).toBe(false);
  });
  it('MikroORM: a file without an import from @mikro-orm/*, @InjectRepository or a client name holds no load, however its names are spelled', () => {
    const repoCall = 'const rows = await repo.find({ id: 1 });';
    expect(ask('mikro-orm', repoCall, 'find')).toBe(false);
    expect(ask('mikro-orm', `const nl = '\\n';\n${repoCall}`, 'find')).toBe(false);
    expect(ask('mikro-orm', `class S { constructor(@InjectRepository(User) private readonly repo: R) {} } ${repoCall}`, 'find')).toBe(true);
    // An escape in the text: names are read from the tree, where `\u0065m` is `em`.
    expect(ask('mikro-orm', 'const rows = await \\u0065m.find(User, {});', 'find')).toBe(true);
    expect(ask('mikro-orm', `import { wrap } from '@mikro-\\orm/core';\n${repoCall}`, 'find')).toBe(true);
  });
  it('the same shapes that can be loads are kept (the tests above are not blanket refusals)', () => {
    expect(ask('mikro-orm', `import { EntityRepository } from '@mikro-orm/core';\n${arrayFind}`, 'find')).toBe(true);
    expect(ask('mikro-orm', 'const rows = await em.find(User, {});', 'find')).toBe(true);
    expect(ask('typeorm', arrayFind, 'find')).toBe(true);
    expect(ask('drizzle', 'const rows = await db.select().from(users);', 'from')).toBe(true);
    expect(ask('prisma', 'await this.prisma.user.findMany();', 'findMany')).toBe(true);
  });
});
