import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, minAge: number) {
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } } });
  let inner = 0;
  {
    // a different `users`: not the loaded rows, left alone
    const users = [1, 2, 3];
    inner = users.length;
  }
  const later = async () => users.length * 2;
  const [doubled] = await Promise.all([later()]);
  return { inner, doubled, direct: users.length };
}

export const cases: unknown[][] = [[0], [40], [200]];
