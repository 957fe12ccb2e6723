import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// An N+1 loop: each active user's published posts, one query per user
// (the bench's posts table has 0–3 posts per user, with an index on authorId).
export async function run(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
  let views = 0;
  let withPosts = 0;
  for (const u of users) {
    const posts = await prisma.post.findMany({ where: { authorId: u.id, published: true }, orderBy: { id: 'asc' } });
    if (posts.length > 0) withPosts++;
    for (const p of posts) views += p.views;
  }
  return { users: users.length, withPosts, views };
}
