import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient) {
  // how many active users are there?
  const n = await prisma.user.count({ /* active only */ where: { active: true } }); // keep me
  const fixed = (await prisma.user.count()).toFixed(0);
  return { n, fixed, sum: 2 ** (await prisma.post.count()) } satisfies { n: number; fixed: string; sum: number };
}
