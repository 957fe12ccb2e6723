import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function notify(id: number): Promise<void>;

// A later iteration's query could read what an earlier one wrote: left alone.
export async function awaitedWrite(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const u of users) {
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    await prisma.post.updateMany({ where: { authorId: u.id + 1 }, data: { views: posts.length } });
  }
}

// A write that is not awaited still runs between the queries.
export async function floatingWrite(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const u of users) {
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    void prisma.user.update({ where: { id: u.id }, data: { bonus: posts.length } });
  }
}

// Any other await may write (pushdown cannot see inside notify).
export async function otherAwait(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const u of users) {
    await notify(u.id);
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    console.log(posts.length);
  }
}

// Raw SQL may write anything.
export async function rawSql(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  for (const u of users) {
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    await prisma.$executeRaw`UPDATE "Post" SET views = ${posts.length}`;
  }
}
