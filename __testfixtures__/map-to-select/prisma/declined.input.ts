import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The map reads plain field syntax, but no select can say it: findings.
export async function declined(prisma: PrismaClient, args: { where: { active: boolean } }) {
  // a relation field, loaded with include
  const withPosts = (await prisma.user.findMany({ include: { posts: true } })).map((u) => u.posts.length);
  // include present, only scalars read
  const included = (await prisma.user.findMany({ where: { active: true }, include: { posts: true } })).map((u) => u.email);
  // omit present
  const omitted = (await prisma.user.findMany({ omit: { balance: true } })).map((u) => u.email);
  // distinct present
  const distinctNames = (await prisma.user.findMany({ distinct: ['name'] })).map((u) => u.name);
  // the existing select lacks a read field
  const partial = (await prisma.post.findMany({ select: { id: true, author: true } })).map((p) => [p.id, p.title]);
  // arguments pushdown cannot edit
  const fromParam = (await prisma.user.findMany(args)).map((u) => u.email);
  // a relation read without include
  const author = (await prisma.post.findMany()).map(({ author }) => author);
  return [withPosts, included, omitted, distinctNames, partial, fromParam, author];
}
