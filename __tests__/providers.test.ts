// Tiers and messages follow the schema's datasource provider: the same
// rewrite is safe where the database agrees with the JavaScript and review,
// in that database's words, where it does not. Why each differs is shown on
// the real engines by engine-disagreements.test.ts.
import { describe, expect, it } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { findRule } from '../transforms/index.js';
import { fixtureSchema, ormRuleOptions } from './helpers/schema.js';

const PROVIDERS = ['sqlite', 'postgresql', 'mysql', 'sqlserver', 'mongodb', undefined] as const;
type Provider = (typeof PROVIDERS)[number];

const header = "import type { PrismaClient } from './client';\nexport async function f(prisma: PrismaClient) {\n";

function edit(rule: string, body: string, provider: Provider): { tier: string; message: string } {
  const base = fixtureSchema();
  if (!base) throw new Error('no fixture schema');
  const result = transformSource(`${header}${body}\n}\n`, 'x.ts', {
    rules: [findRule(rule)!],
    ruleOptions: ormRuleOptions('prisma', { facts: { ...base, provider } }),
    applyTiers: new Set(['safe', 'review']),
  });
  expect(result.findings.map((f) => f.message)).toEqual([]);
  expect(result.edits).toHaveLength(1);
  return { tier: result.edits[0]!.tier, message: result.edits[0]!.message };
}

describe('index-to-find-first: an order that can tie', () => {
  const first = (orderBy: string, provider: Provider) => edit('index-to-find-first', `return (await prisma.post.findMany({ orderBy: ${orderBy} }))[0];`, provider);

  for (const provider of PROVIDERS) {
    const tiesReview = provider !== 'sqlite';
    it(`${provider ?? 'no provider'}: a non-unique order is ${tiesReview ? 'review' : 'safe'}; a unique last key is safe`, () => {
      for (const order of ["{ views: 'asc' }", "[{ views: 'desc' }, { title: 'asc' }]", "{ rating: { sort: 'asc', nulls: 'last' } }", "{ author: { name: 'asc' } }"]) {
        const e = first(order, provider);
        expect(e.tier, order).toBe(tiesReview ? 'review' : 'safe');
        if (tiesReview) expect(e.message).toMatch(/tie/);
      }
      for (const order of ["{ id: 'desc' }", "[{ views: 'asc' }, { id: 'asc' }]"]) expect(first(order, provider).tier, order).toBe('safe');
      expect(edit('index-to-find-first', 'return (await prisma.post.findMany())[0];', provider).tier).toBe('safe');
    });
  }

  it('a unique field that may be NULL can tie; a required one cannot', () => {
    expect(edit('index-to-find-first', "return (await prisma.user.findMany({ orderBy: { email: 'asc' } }))[0];", 'postgresql').tier).toBe('safe');
    expect(edit('index-to-find-first', "return (await prisma.user.findMany({ orderBy: { name: 'asc' } }))[0];", 'postgresql').tier).toBe('review');
  });

  it('names the database that picks another row', () => {
    expect(first("{ views: 'asc' }", 'postgresql').message).toMatch(/PostgreSQL picks another/);
    expect(first("{ views: 'asc' }", 'mysql').message).toMatch(/MySQL and MariaDB pick another/);
  });
});

describe('string predicates: the collation, in the provider words', () => {
  const equality = (provider: Provider) => edit('filter-to-where', "return (await prisma.user.findMany()).filter((u) => u.email === 'a@b.c');", provider).message;
  const order = (provider: Provider) => edit('filter-to-where', "return (await prisma.post.findMany()).filter((p) => p.title < 'H');", provider).message;

  it('equality: _ci and PAD SPACE on MySQL, case-insensitive on SQL Server, nothing where = is exact', () => {
    expect(equality('mysql')).toMatch(/_ci.*PAD SPACE/);
    expect(equality('sqlserver')).toMatch(/case-insensitive/);
    expect(equality(undefined)).toMatch(/collation/);
    for (const exact of ['sqlite', 'postgresql', 'mongodb'] as const) expect(equality(exact), exact).not.toMatch(/collation|_ci/);
  });

  it('order: bytes on SQLite, linguistic on PostgreSQL and MySQL', () => {
    expect(order('sqlite')).toMatch(/UTF-8 bytes/);
    expect(order('postgresql')).toMatch(/linguistic under the usual en_US\.UTF-8/);
    expect(order('mysql')).toMatch(/case- and accent-insensitive/);
  });

  it('.some(pred) in length-check-to-exists says the same', () => {
    const some = edit('length-check-to-exists', "return (await prisma.user.findMany()).some((u) => u.email === 'a@b.c');", 'mysql');
    expect(some.tier).toBe('review');
    expect(some.message).toMatch(/_ci/);
  });
});

describe('float sums: how the database adds', () => {
  const sum = (provider: Provider) => edit('reduce-to-aggregate', 'return (await prisma.user.findMany()).reduce((s, u) => s + u.score, 0);', provider);
  it('compensated summation on SQLite, storage order elsewhere; review everywhere', () => {
    expect(sum('sqlite').message).toMatch(/compensated/);
    expect(sum('postgresql').message).toMatch(/storage\) order/);
    for (const provider of PROVIDERS) expect(sum(provider).tier).toBe('review');
  });
});
