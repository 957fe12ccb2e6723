import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient, minAge: number) {
  const usersCount = await prisma.user.count({ where: { age: { gte: minAge } } });
  let inner = 0;
  {
    // a different `users`: not the loaded rows, left alone
    const users = [1, 2, 3];
    inner = users.length;
  }
  const later = async () => usersCount * 2;
  const [doubled] = await Promise.all([later()]);
  return { inner, doubled, direct: usersCount };
}

export const cases: unknown[][] = [[0], [40], [200]];
