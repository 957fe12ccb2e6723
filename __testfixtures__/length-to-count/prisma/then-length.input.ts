import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export function run(prisma: PrismaClient, published: boolean) {
  return prisma.post.findMany({ where: { published }, include: { author: true } }).then((rows) => rows.length);
}

export const cases: unknown[][] = [[true], [false]];
