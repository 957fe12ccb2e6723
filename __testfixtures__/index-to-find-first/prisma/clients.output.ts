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
  const fromExtended = ((await db.user.findFirst({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } })) ?? undefined)!;
  const fromTx = await prisma.$transaction(async (tx) => {
    const u = await tx.user.findFirst({ where: { age: { gte: minAge } }, orderBy: { id: 'desc' } });
    return u?.email;
  });
  const firstRow = await prisma.post.findFirst({ where: { views: { gt: minAge } }, orderBy: { views: 'asc' } });
  if (firstRow) return { fromExtended, fromTx, title: firstRow.title };
  return { fromExtended, fromTx };
}

export const cases: unknown[][] = [[0], [41], [500], [2000]];
