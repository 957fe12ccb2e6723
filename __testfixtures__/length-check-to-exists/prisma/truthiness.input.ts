import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The length tested for truthiness: if, !, Boolean(), ?:, && and || in a test.
export async function run(prisma: PrismaClient, title: string) {
  const results: string[] = [];
  if ((await prisma.post.findMany({ where: { title } })).length) results.push('if');
  if (!(await prisma.post.findMany({ where: { title } })).length) results.push('not');
  results.push(Boolean((await prisma.post.findMany({ where: { title } })).length) ? 'boolean' : 'no boolean');
  results.push((await prisma.post.findMany({ where: { title, published: true } })).length ? 'published' : 'not published');
  if (results.length > 0 && (await prisma.post.findMany({ where: { title } })).length) results.push('and');
  if (results.length === 0 || !(await prisma.post.findMany({ where: { title } })).length) results.push('or');
  while ((await prisma.post.findMany({ where: { title, views: { gt: 1000 } } })).length) results.push('never');
  return results;
}

// one row, none; 'Draft' exists but is unpublished
export const cases: unknown[][] = [['Hello'], ['Draft'], ['No such title']];
