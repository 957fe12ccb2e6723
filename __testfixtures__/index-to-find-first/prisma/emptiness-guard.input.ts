import type { PrismaClient } from '../../../test/prisma/generated/client.js';

async function bestPost(prisma: PrismaClient, authorId: number) {
  const posts = await prisma.post.findMany({ where: { authorId }, orderBy: [{ views: 'desc' }, { id: 'asc' }] });
  if (posts.length === 0) return null;
  return posts[0];
}

async function latestUser(prisma: PrismaClient, active: boolean) {
  const users = await prisma.user.findMany({ where: { active }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, name: true } });
  return users.length > 0 ? users[0] : null;
}

async function firstDraftTitle(prisma: PrismaClient, authorId: number) {
  const drafts = await prisma.post.findMany({ where: { authorId, published: false }, orderBy: { id: 'asc' } });
  if (!drafts.length) {
    throw new Error('no drafts');
  }
  return drafts[0].title;
}

export async function run(prisma: PrismaClient, authorId: number) {
  const best = await bestPost(prisma, authorId);
  const latest = [await latestUser(prisma, true), await latestUser(prisma, false)];
  const draft = await firstDraftTitle(prisma, authorId).catch((e: Error) => e.message);
  return { best, latest, draft };
}

export const cases: unknown[][] = [[1], [3], [4], [9]];
