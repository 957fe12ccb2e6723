import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The select already loads exactly what the map reads: no edit, no finding.
// (Seen on real apps, where each of these drew a finding that told the user
// to write the select they had already written.)

// distinct on the one selected field
export async function ratedAuthors(prisma: PrismaClient) {
  const rows = await prisma.post.findMany({ where: { rating: { not: null } }, distinct: ['authorId'], select: { authorId: true } });
  return rows.map(({ authorId }) => authorId);
}

// a relation selected through a nested select, read through the map
export async function writerEmails(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({
    where: { views: { gt: 50 } },
    select: { author: { select: { email: true } } },
  });
  return posts.map((post) => post.author.email);
}

// the relation count beside a scalar
export async function postTotals(prisma: PrismaClient) {
  return (await prisma.user.findMany({ where: { active: true }, select: { email: true, _count: { select: { posts: true } } } })).map((u) => [u.email, u._count.posts]);
}

// the callback's row annotated with exactly the selected shape
export async function viewCounts(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ select: { title: true, views: true } });
  return posts.map((p: { title: string; views: number }) => `${p.title} (${p.views})`);
}

// a filtered relation list, and a scalar, both read
export async function draftTitles(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ select: { id: true, posts: { where: { published: false }, select: { title: true } } } });
  return users.map((u) => ({ id: u.id, drafts: u.posts.map((p) => p.title) }));
}

// an unread entry whose value is not a literal: pushdown does not drop what it cannot judge
export async function maybeNames(prisma: PrismaClient, withName: boolean) {
  const users = await prisma.user.findMany({ select: { email: true, name: withName } });
  return users.map((u) => u.email);
}

// arguments held in a const, already exact
export async function heldArgs(prisma: PrismaClient) {
  const query = { where: { published: true }, select: { title: true } };
  return (await prisma.post.findMany(query)).map((p) => p.title);
}
