import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The map reads plain field syntax, but no select can say it: findings.
export async function declined(prisma: PrismaClient, args: { where: { active: boolean } }) {
  // omit present
  const omitted = (await prisma.user.findMany({ omit: { balance: true } })).map((u) => u.email);
  // distinct on a field the map does not read
  const distinctNames = (await prisma.user.findMany({ distinct: ['name'] })).map((u) => u.email);
  // the existing select lacks a read field
  const partial = (await prisma.post.findMany({ select: { id: true, author: true } })).map((p) => [p.id, p.title]);
  // arguments pushdown cannot edit
  const fromParam = (await prisma.user.findMany(args)).map((u) => u.email);
  // a relation read without include
  const author = (await prisma.post.findMany()).map(({ author }) => author);
  // the relation count read without include
  const counted = (await prisma.user.findMany({ where: { active: true } })).map((u) => u._count);
  // the include switches off the relation the map reads
  const switchedOff = (await prisma.post.findMany({ include: { author: false } })).map((p) => p.author);
  return [omitted, distinctNames, partial, fromParam, author, counted, switchedOff];
}
