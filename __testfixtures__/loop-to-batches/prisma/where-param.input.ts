import type { Prisma, PrismaClient } from '../../../test/prisma/generated/client.js';

// A where passed in, possibly undefined ("every row" to Prisma).
export async function run(prisma: PrismaClient, where?: Prisma.UserWhereInput) {
  const ids: number[] = [];
  const users = await prisma.user.findMany({ where, orderBy: { id: 'desc' } });
  for (const user of users) ids.push(user.id);
  return ids;
}

export const cases: unknown[][] = [[undefined], [{ active: false }], [{ name: null }], [{ id: { gt: 100 } }]];
