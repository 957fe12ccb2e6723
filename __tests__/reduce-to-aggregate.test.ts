/** reduce-to-aggregate tiers and the no-schema finding, which fixtures (always given the schema) cannot show. */
import { describe, expect, it } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { rule } from '../transforms/reduce-to-aggregate.js';
import { fixtureSchema, ormRuleOptions, type OrmTestOptions } from './helpers/schema.js';

const sum = `export async function views(prisma: PrismaClient) {
  return (await prisma.post.findMany({ where: { published: true } })).reduce((s, p) => s + p.views, 0);
}
`;
const max = `export async function views(prisma: PrismaClient) {
  return Math.max(...(await prisma.post.findMany()).map((p) => p.views));
}
`;

function run(text: string, options: OrmTestOptions, unsafe: boolean) {
  return transformSource(text, 'x.ts', { rules: [rule], ruleOptions: ormRuleOptions('prisma', options), applyTiers: new Set(unsafe ? ['safe', 'review'] : ['safe']) });
}

describe('reduce-to-aggregate tiers', () => {
  it('a sum is review: applied only with --unsafe', () => {
    const r = run(sum, {}, false);
    expect(r.output).toBe(sum);
    expect(r.edits).toMatchObject([{ tier: 'review', applied: false }]);
    expect(r.edits[0].message).toMatch(/Review: the database adds the values as integers/);
    expect(run(sum, {}, true).output).toContain('(await prisma.post.aggregate({ where: { published: true }, _sum: { views: true } }))._sum.views ?? 0');
  });

  it('a max of a non-nullable Int is safe', () => {
    const r = run(max, {}, false);
    expect(r.edits).toMatchObject([{ tier: 'safe', applied: true }]);
    expect(r.output).toContain('return (await prisma.post.aggregate({ _max: { views: true } }))._max.views ?? -Infinity;');
  });

  it('with no schema it is a finding: the field type decides the meaning of +', () => {
    const r = run(sum, { facts: null }, true);
    expect(r.output).toBe(sum);
    expect(r.findings.map((f) => `${f.message} Fix: ${f.suggestion}`)).toEqual([expect.stringMatching(/no Prisma schema was found.*pass --schema/)]);
  });
});

describe('reduce-to-aggregate on Postgres', () => {
  it('a Float max is review there: NaN orders differently', () => {
    const base = fixtureSchema()!;
    const schema = { ...base, provider: 'postgresql' };
    const r = run(max.replace('p.views', 'p.rating!').replace('prisma.post.findMany()', 'prisma.post.findMany({ where: { rating: { not: null } } })'), { facts: schema }, false);
    expect(r.edits).toEqual([]);
    const u = run(max.replace(/post/g, 'user').replace('p.views', 'p.score'), { facts: schema }, false);
    expect(u.edits).toMatchObject([{ tier: 'review', applied: false }]);
    expect(u.edits[0].message).toMatch(/NaN/);
    expect(run(max, { facts: schema }, false).edits).toMatchObject([{ tier: 'safe' }]);
  });
});
