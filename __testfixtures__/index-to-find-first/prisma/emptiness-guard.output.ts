import type { PrismaClient } from '../../../test/prisma/generated/client.js';

async function bestPost(prisma: PrismaClient, authorId: number) {
  const firstPost = await prisma.post.findFirst({ where: { authorId }, orderBy: [{ views: 'desc' }, { id: 'asc' }] });
  if (firstPost === null) return null;
  return firstPost;
}

async function latestUser(prisma: PrismaClient, active: boolean) {
  const firstUser = await prisma.user.findFirst({ where: { active }, orderBy: { createdAt: 'desc' }, select: { id: true, name: true } });
  return firstUser;
}

async function firstDraftTitle(prisma: PrismaClient, authorId: number) {
  const firstDraft = await prisma.post.findFirst({ where: { authorId, published: false }, orderBy: { id: 'asc' } });
  if (firstDraft === null) {
    throw new Error('no drafts');
  }
  return firstDraft.title;
}

export async function run(prisma: PrismaClient, authorId: number) {
  const best = await bestPost(prisma, authorId);
  const latest = [await latestUser(prisma, true), await latestUser(prisma, false)];
  const draft = await firstDraftTitle(prisma, authorId).catch((e: Error) => e.message);
  return { best, latest, draft };
}

export const cases: unknown[][] = [[1], [3], [4], [9]];
