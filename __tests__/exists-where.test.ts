/**
 * length-check-to-exists and filter-to-where beyond single-rule fixtures:
 * the whole registry on one file (filter-to-where narrows the query, then the
 * emptiness and count rules consume it), and the no-schema behaviour.
 */
import { describe, expect, it } from 'vitest';
import { transformSource } from '../lib/engine.js';
import { findRule, rules } from '../transforms/index.js';
import { ormRuleOptions, type OrmTestOptions } from './helpers/schema.js';

const header = "import type { PrismaClient } from '../test/prisma/generated/client.js';\n\n";

function runAll(body: string, options: OrmTestOptions = {}) {
  const source = header + body;
  const ruleOptions = ormRuleOptions('prisma', options);
  const first = transformSource(source, 'x.ts', { rules, ruleOptions, applyTiers: new Set(['safe', 'review']) });
  const second = transformSource(first.output, 'x.ts', { rules, ruleOptions, applyTiers: new Set(['safe', 'review']) });
  expect(second.output, 'idempotent').toBe(first.output);
  return { ...first, output: first.output.slice(header.length) };
}

function runOne(id: string, body: string, options: OrmTestOptions = {}) {
  const rule = findRule(id)!;
  const ruleOptions = ormRuleOptions('prisma', options);
  const r = transformSource(header + body, 'x.ts', { rules: [rule], ruleOptions, applyTiers: new Set(['safe', 'review']) });
  return { ...r, output: r.output.slice(header.length) };
}

describe('the registry, in order', () => {
  it('places filter-to-where and length-check-to-exists before length-to-count', () => {
    const ids = rules.map((r) => r.meta.id);
    expect(ids.indexOf('filter-to-where')).toBeLessThan(ids.indexOf('length-check-to-exists'));
    expect(ids.indexOf('length-check-to-exists')).toBeLessThan(ids.indexOf('length-to-count'));
  });

  it('turns .filter(p).length into a count with the where', () => {
    const r = runAll('export async function run(prisma: PrismaClient) {\n  return (await prisma.user.findMany()).filter((u) => u.active && u.age > 30).length;\n}\n');
    expect(r.output).toContain('return await prisma.user.count({ where: { active: true, age: { gt: 30 } } });');
    expect(r.edits.map((e) => e.rule).sort()).toEqual(['filter-to-where', 'length-to-count']);
  });

  it('turns .filter(p).length > 0 into an existence query, not a count', () => {
    const r = runAll('export async function run(prisma: PrismaClient) {\n  return (await prisma.post.findMany({ where: { published: true } })).filter((p) => p.views >= 100).length > 0;\n}\n');
    expect(r.output).toContain('return (await prisma.post.findFirst({ where: { published: true, views: { gte: 100 } }, select: { id: true } })) !== null;');
  });

  it('prefers an existence query to a count for a plain emptiness test', () => {
    const r = runAll('export async function run(prisma: PrismaClient) {\n  const users = await prisma.user.findMany();\n  if (users.length === 0) return 0;\n  return 1;\n}\n');
    expect(r.output).toContain('const hasUsers = (await prisma.user.findFirst({ select: { id: true } })) !== null;');
    expect(r.output).toContain('if (!hasUsers) return 0;');
  });

  it('leaves .length used as a number to length-to-count', () => {
    const r = runAll('export async function run(prisma: PrismaClient) {\n  const users = await prisma.user.findMany();\n  if (users.length === 0) return 0;\n  return users.length;\n}\n');
    expect(r.output).toContain('const usersCount = await prisma.user.count();');
  });
});

describe('without a schema', () => {
  const none = { facts: null };

  it('asks count({ take: 1 }) instead of assuming an id field, still safe', () => {
    const r = runOne('length-check-to-exists', 'export async function run(prisma: PrismaClient) {\n  return (await prisma.user.findMany({ where: { active: true } })).length > 0;\n}\n', none);
    expect(r.output).toContain('return (await prisma.user.count({ where: { active: true }, take: 1 })) > 0;');
    expect(r.edits[0].tier).toBe('safe');
  });

  it('declines predicates, which need field types and nullability', () => {
    const r = runOne('length-check-to-exists', "export async function run(prisma: PrismaClient) {\n  return (await prisma.user.findMany()).some((u) => u.name === 'Alice');\n}\n", none);
    expect(r.edits).toEqual([]);
    expect(r.findings[0].message).toContain('no Prisma schema was found');
    const f = runOne('filter-to-where', 'export async function run(prisma: PrismaClient) {\n  return (await prisma.user.findMany()).filter((u) => u.active);\n}\n', none);
    expect(f.edits).toEqual([]);
    expect(f.findings[0].messageId).toBe('cannot-narrow');
    expect(f.findings[0].suggestion).toContain('--schema');
  });
});

describe('parentheses and names', () => {
  it('parenthesises a guarded test where it needs to', () => {
    const r = runOne('length-check-to-exists', 'export async function run(prisma: PrismaClient, flag: boolean, e?: string) {\n  return flag && !(await prisma.user.findMany()).some((u) => u.email === e);\n}\n');
    expect(r.output).toContain('return flag && (e === undefined || (await prisma.user.findFirst({ where: { email: e }, select: { id: true } })) === null);');
  });

  it('never reuses a name already in the file', () => {
    const r = runOne('length-check-to-exists', 'export async function run(prisma: PrismaClient, hasUsers: boolean) {\n  const users = await prisma.user.findMany();\n  return hasUsers && users.length > 0;\n}\n');
    expect(r.output).toContain('const hasUsers2 = ');
    expect(r.output).toContain('return hasUsers && hasUsers2;');
  });
});
