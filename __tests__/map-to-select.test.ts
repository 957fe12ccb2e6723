/** map-to-select tiers that fixtures cannot set: result extensions, and no schema. */
import { describe, expect, it } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { rule } from '../transforms/map-to-select.js';
import { rule as loopToBatches } from '../transforms/loop-to-batches.js';
import { ormRuleOptions, type OrmTestOptions } from './helpers/schema.js';

const source = `export async function emails(prisma: PrismaClient) {
  return (await prisma.user.findMany({ where: { active: true } })).map((u) => u.email);
}
`;
const rewritten = source.replace('{ where: { active: true } }', '{ where: { active: true }, select: { email: true } }');

function run(text: string, options: OrmTestOptions, unsafe = true) {
  return transformSource(text, 'x.ts', { rules: [rule], ruleOptions: ormRuleOptions('prisma', options), applyTiers: new Set(unsafe ? ['safe', 'review'] : ['safe']) });
}

describe('map-to-select tiers', () => {
  it('is safe with a schema and no result extensions', () => {
    const r = run(source, {}, false);
    expect(r.output).toBe(rewritten);
    expect(r.edits.map((e) => e.tier)).toEqual(['safe']);
  });

  it('is review when the repository defines result extensions', () => {
    const r = run(source, { flags: { resultExtensions: true } }, false);
    expect(r.output).toBe(source);
    expect(r.edits).toMatchObject([{ tier: 'review', applied: false }]);
    expect(r.edits[0].message).toMatch(/result extensions/);
  });

  it('is review with no schema, naming the assumption', () => {
    const r = run(source, { facts: null });
    expect(r.output).toBe(rewritten);
    expect(r.edits).toMatchObject([{ tier: 'review', applied: true }]);
    expect(r.edits[0].message).toMatch(/no Prisma schema.*`email` is a stored scalar field/);
  });

  it('declines, with no schema, a read that cannot be a stored field', () => {
    const r = run(source.replace('u.email', 'u._count'), { facts: null });
    expect(r.output).toBe(source.replace('u.email', 'u._count'));
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringMatching(/`_count` is not a stored field/)]);
  });

  it('declines a model the schema does not have', () => {
    const text = source.replace('prisma.user', 'prisma.account');
    const r = run(text, {});
    expect(r.output).toBe(text);
    expect(r.findings[0].message).toMatch(/has no model `account`/);
  });

  it('turns an include into a select with no schema, as review naming the fields it assumes are scalars', () => {
    const text = source.replace('{ where: { active: true } }', '{ where: { active: true }, include: { posts: { select: { title: true } } } }').replace('u.email', '[u.email, u.posts]');
    const r = run(text, { facts: null });
    expect(r.output).toBe(text.replace('include: { posts: { select: { title: true } } }', 'select: { email: true, posts: { select: { title: true } } }'));
    expect(r.edits).toMatchObject([{ tier: 'review' }]);
    expect(r.edits[0].message).toMatch(/assumes `email` is a stored scalar field/);
  });

  it('narrows an existing select with no schema as safe: it assumes nothing about the fields', () => {
    const text = source.replace('{ where: { active: true } }', '{ where: { active: true }, select: { email: true, name: true } }');
    const r = run(text, { facts: null }, false);
    expect(r.output).toBe(text.replace('select: { email: true, name: true }', 'select: { email: true }'));
    expect(r.edits.map((e) => e.tier)).toEqual(['safe']);
  });

  it('says nothing, with no schema, about a select that already loads exactly what is read', () => {
    const text = source.replace('{ where: { active: true } }', '{ where: { active: true }, select: { email: true, _count: true } }').replace('u.email', '[u.email, u._count]');
    const r = run(text, { facts: null });
    expect(r.output).toBe(text);
    expect(r.edits).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe('map-to-select: a loaded relation narrowed to the fields read', () => {
  const posts = (include: string, read: string) => `export async function bylines(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ include: ${include} });
  return [posts.length, posts.map((p) => ${read})];
}
`;

  it('narrows `author: true` read only through scalar fields', () => {
    const text = posts('{ author: true }', 'p.author.name ?? p.author?.email');
    expect(run(text, {}, false).output).toBe(text.replace('include: { author: true }', 'select: { author: { select: { name: true, email: true } } }'));
  });

  it('keeps `author: true` when there is no schema (the fields read may not be stored scalars)', () => {
    const text = posts('{ author: true }', 'p.author.name');
    expect(run(text, { facts: null }).output).toBe(text.replace('include: { author: true }', 'select: { author: true }'));
  });

  it('keeps `author: true` when a field read of it is no stored scalar, or it is used otherwise', () => {
    for (const read of ['p.author.posts', 'p.author.name + String(p.author)', 'p.author.email.length + p.author.toString().length', 'p.author && p.author.name']) {
      const text = posts('{ author: true }', read);
      expect(run(text, {}, false).output, read).toBe(text.replace('include: { author: true }', 'select: { author: true }'));
    }
  });

  it('keeps a list relation, and a relation whose include value is not `true`', () => {
    const users = `export async function f(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ include: { posts: true } });
  return [users.length, users.map((u) => u.posts.length)];
}
`;
    expect(run(users, {}, false).output).toBe(users.replace('include: { posts: true }', 'select: { posts: true }'));
    const text = posts('{ author: { select: { name: true, email: true } } }', 'p.author.name');
    expect(run(text, {}, false).output).toBe(text.replace('include:', 'select:'));
  });
});

describe('map-to-select beside loop-to-batches', () => {
  const loop = `export async function mail(prisma: PrismaClient, send: (to: string) => Promise<void>) {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const u of users) await send(u.email);
}
`;
  const both = (text: string, tiers: string[]) =>
    transformSource(text, 'x.ts', { rules: [loopToBatches, rule], ruleOptions: ormRuleOptions('prisma', {}), applyTiers: new Set(tiers as ('safe' | 'review')[]) });

  it('keeps the key in a select of rows only looped over, so the loop can still be batched', () => {
    const safeOnly = both(loop, ['safe']);
    expect(safeOnly.output).toBe(loop.replace('{ where: { active: true } }', '{ where: { active: true }, select: { email: true, id: true } }'));
    const batched = both(safeOnly.output, ['safe', 'review']);
    expect(batched.edits.filter((e) => e.applied).map((e) => e.rule)).toEqual(['loop-to-batches']);
    expect(batched.findings).toEqual([]);
    expect(batched.output).toMatch(/select: \{ email: true, id: true \}/);
  });

  it('leaves the batched loop alone once loop-to-batches has rewritten it', () => {
    const r = both(loop, ['safe', 'review']);
    expect(r.edits.map((e) => e.rule)).toEqual(['loop-to-batches']);
  });
});
