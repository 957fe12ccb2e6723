import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// forEach does not wait for async callbacks: the code after it runs before the queries end.
export async function fireAndForget(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out: unknown[] = [];
  users.forEach(async (u) => {
    out.push(await prisma.post.findMany({ where: { authorId: u.id } }));
  });
  return out;
}

// Every row of the table: one query would carry every key. Batch the outer loop first.
export async function everyUser(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: u.id } }));
  return out;
}

// Not an async function around the statement that would hold the query.
export function notAsync(prisma: PrismaClient) {
  return prisma.user.findMany({ where: { active: true } }).then((users) => {
    return Promise.all(users.map((u) => prisma.post.findMany({ where: { authorId: u.id } })));
  });
}
