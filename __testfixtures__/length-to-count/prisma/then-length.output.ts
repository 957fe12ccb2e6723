import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export function run(prisma: PrismaClient, published: boolean) {
  return prisma.post.count({ where: { published } });
}

export const cases: unknown[][] = [[true], [false]];
