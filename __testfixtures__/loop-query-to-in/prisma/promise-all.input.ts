import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Promise.all over an async map: the queries ran concurrently, one per user.
export async function run(prisma: PrismaClient, take: number) {
  const users = await prisma.user.findMany({ where: { active: true }, take, orderBy: { id: 'asc' } });
  const withPosts = await Promise.all(
    users.map(async (u) => ({
      id: u.id,
      posts: await prisma.post.findMany({
        where: { authorId: u.id, published: true },
        select: { id: true, title: true, authorId: true },
        orderBy: [{ views: 'desc' }, { id: 'asc' }],
      }),
    })),
  );
  return { withPosts, emails: await authors(prisma), returned: await returned(prisma) };
}

export async function authors(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ where: { views: { gte: 10 } }, orderBy: { id: 'asc' } });
  return Promise.all(posts.map(async (p) => (await prisma.user.findUnique({ where: { id: p.authorId } }))?.email));
}

export const cases: unknown[][] = [[3], [100], [0]];

// The callback returns each query's promise; Promise.all awaits them.
export async function returned(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { age: { lt: 35 } }, orderBy: { id: 'asc' } });
  const postsPerUser = await Promise.all(users.map((u) => prisma.post.findMany({ where: { authorId: u.id }, orderBy: { id: 'asc' } })));
  const viaReturn = await Promise.all(
    users.map(async function (u) {
      return prisma.post.findMany({ where: { authorId: u.id }, orderBy: { views: 'asc' } });
    }),
  );
  return { postsPerUser, viaReturn };
}
