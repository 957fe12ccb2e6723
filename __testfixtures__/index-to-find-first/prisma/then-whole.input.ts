import type { Post, PrismaClient, User } from '../../../test/prisma/generated/client.js';

// The rows are used for more than their first row: nothing to rewrite.
export async function run(prisma: PrismaClient) {
  const all = await prisma.user.findMany({ orderBy: { id: 'asc' } }).then((rows) => (rows.length > 3 ? rows : [rows[0]]));
  const counted = await prisma.user.findMany({ orderBy: { id: 'asc' } }).then((rows) => [rows[0], rows.length]);
  const [users, posts] = await Promise.all([prisma.user.findMany({ orderBy: { id: 'asc' } }), prisma.post.findMany({ orderBy: { id: 'asc' } })]);
  const [typedUsers, typedPosts]: [User[], Post[]] = await Promise.all([prisma.user.findMany({ orderBy: { id: 'asc' } }), prisma.post.findMany({ orderBy: { id: 'asc' } })]);
  return { all, counted, users, first: posts[0], last: posts[posts.length - 1], typed: typedUsers[0], typedPosts: typedPosts[0] };
}
