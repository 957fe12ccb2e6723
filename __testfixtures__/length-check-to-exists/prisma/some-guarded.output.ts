import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A value that may be undefined: Prisma would read it as "no filter", so it is tested first.
export async function run(prisma: PrismaClient, name: string | null | undefined) {
  if (name !== undefined && (await prisma.user.findFirst({ where: { name }, select: { id: true } })) !== null) return 'taken';
  return 'free';
}

// a duplicated name, a NULL name (three users have none), undefined (JS: never equal), no match
export const cases: unknown[][] = [['Alice'], [null], [undefined], ['Nobody']];
