import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The receiver stays what it was: an extended client (review tier: its query
// extensions may hook findMany only) and a transaction client.
export async function run(prisma: PrismaClient, minAge: number) {
  const db = prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ args, query }) {
          return query(args);
        },
      },
    },
  });
  const fromExtended = (await db.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } }))[0];
  const fromTx = await prisma.$transaction(async (tx) => {
    const [u] = await tx.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'desc' } });
    return u?.email;
  });
  const rows = await prisma.post.findMany({ where: { views: { gt: minAge } }, orderBy: { views: 'asc' } });
  if (rows[0]) return { fromExtended, fromTx, title: rows[0].title };
  return { fromExtended, fromTx };
}

export const cases: unknown[][] = [[0], [41], [500], [2000]];
