import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The newest published post by an author, or undefined.
export async function run(prisma: PrismaClient, authorId: number) {
  const newest = ((await prisma.post.findFirst({ where: { authorId, published: true }, orderBy: { id: 'desc' } })) ?? undefined)!;
  const oldest = ((await prisma.post.findFirst({ where: { authorId }, orderBy: [{ views: 'asc' }, { id: 'asc' }] })) ?? undefined)!;
  return { newest, oldest };
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
