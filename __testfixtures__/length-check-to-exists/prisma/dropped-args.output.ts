import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// orderBy, distinct, include and a positive take never turn a non-empty result empty.
export async function run(prisma: PrismaClient, minViews: number) {
  const hasRows = (await prisma.post.findFirst({ where: { views: { gte: minViews } }, select: { id: true } })) !== null;
  return hasRows;
}

export const cases: unknown[][] = [[0], [1000], [1001]];
