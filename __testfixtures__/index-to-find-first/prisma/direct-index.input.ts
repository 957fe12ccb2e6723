import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The newest published post by an author, or undefined.
export async function run(prisma: PrismaClient, authorId: number) {
  const newest = (await prisma.post.findMany({ where: { authorId, published: true }, orderBy: { id: 'desc' }, take: 5 }))[0];
  const oldest = (await prisma.post.findMany({ where: { authorId }, orderBy: [{ views: 'asc' }, { id: 'asc' }] })).at(0);
  return { newest, oldest };
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
