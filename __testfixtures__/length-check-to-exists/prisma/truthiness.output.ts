import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The length tested for truthiness: if, !, Boolean(), ?:, && and || in a test.
export async function run(prisma: PrismaClient, title: string) {
  const results: string[] = [];
  if ((await prisma.post.findFirst({ where: { title }, select: { id: true } })) !== null) results.push('if');
  if ((await prisma.post.findFirst({ where: { title }, select: { id: true } })) === null) results.push('not');
  results.push((await prisma.post.findFirst({ where: { title }, select: { id: true } })) !== null ? 'boolean' : 'no boolean');
  results.push((await prisma.post.findFirst({ where: { title, published: true }, select: { id: true } })) !== null ? 'published' : 'not published');
  if (results.length > 0 && (await prisma.post.findFirst({ where: { title }, select: { id: true } })) !== null) results.push('and');
  if (results.length === 0 || (await prisma.post.findFirst({ where: { title }, select: { id: true } })) === null) results.push('or');
  while ((await prisma.post.findFirst({ where: { title, views: { gt: 1000 } }, select: { id: true } })) !== null) results.push('never');
  return results;
}

// one row, none; 'Draft' exists but is unpublished
export const cases: unknown[][] = [['Hello'], ['Draft'], ['No such title']];
