import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Per-row limits: one query for every key cannot limit each key's rows.
export async function latestThree(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: u.id }, orderBy: { id: 'desc' }, take: 3 }));
  return out;
}

export async function paged(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: u.id }, skip: 1 }));
  return out;
}

export async function distinctViews(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: u.id }, distinct: ['views'] }));
  return out;
}

// findFirst by a key that is not unique: the first row per key is a per-key limit too.
export async function newestPost(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findFirst({ where: { authorId: u.id }, orderBy: { id: 'desc' } }));
  return out;
}
