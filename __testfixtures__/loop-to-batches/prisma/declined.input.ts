import type { Prisma, PrismaClient } from '../../../test/prisma/generated/client.js';

declare function send(row: unknown): Promise<void>;

// Loops batches cannot keep the meaning of: each is reported, none rewritten.
export async function run(prisma: PrismaClient, args: Prisma.UserFindManyArgs) {
  for (const u of await prisma.user.findMany({ where: { active: true }, take: 50 })) await send(u);
  for (const u of await prisma.user.findMany({ skip: 10, orderBy: { id: 'asc' } })) await send(u);
  for (const p of await prisma.post.findMany({ distinct: ['authorId'] })) await send(p);
  for (const u of await prisma.user.findMany({ where: { active: true }, orderBy: { name: 'asc' } })) await send(u);
  for (const u of await prisma.user.findMany({ orderBy: [{ email: 'asc' }, { id: 'asc' }, { age: 'asc' }] })) await send(u);
  for (const p of await prisma.post.findMany({ orderBy: { author: { name: 'asc' } } })) await send(p);
  for (const u of await prisma.user.findMany({ where: { active: true }, select: { email: true } })) await send(u);
  for (const u of await prisma.user.findMany(args)) await send(u);
  for (const u of await prisma.user.findMany({ where: { active: true }, orderBy: { score: 'desc' } })) {
    u.score = Math.round(u.score);
    await send(u);
  }
  (await prisma.user.findMany({ where: { bonus: 1 } })).forEach((u) => u.id++);

  const users = await prisma.user.findMany({ where: { active: false } });
  for (const u of users) await send(u);
  return users.length;
}

export async function later(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ where: { published: true } });
  await send('start');
  for (const p of posts) await send(p);
}

export async function callbacks(prisma: PrismaClient) {
  (await prisma.user.findMany()).forEach(async (u) => {
    await send(u);
  });
  (await prisma.post.findMany({ where: { views: 0 } })).forEach((p, i) => void send([p, i]));
  (await prisma.post.findMany({ where: { views: 1 } })).forEach(function (p) {
    void send([p, this]);
  });
  (await prisma.post.findMany({ where: { views: 2 } })).forEach((p) => {
    if (p.published) return send(p);
  });
}

export function thenLoop(prisma: PrismaClient) {
  return prisma.user.findMany({ where: { age: { gt: 30 } } }).then((rows) => {
    for (const r of rows) void send(r);
  });
}

export async function fanOut(prisma: PrismaClient) {
  await Promise.all((await prisma.user.findMany({ where: { active: true } })).map(async (u) => send(u)));
  const posts = await prisma.post.findMany();
  await Promise.all(posts.map(async (p) => send(p)));
  const few = await prisma.post.findMany({ take: 10 });
  await Promise.all(few.map(async (p) => send(p)));
}
