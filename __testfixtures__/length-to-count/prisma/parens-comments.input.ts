import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient) {
  // how many active users are there?
  const n = ((await prisma.user.findMany({ /* active only */ where: { active: true }, orderBy: { id: 'asc' } }))).length; // keep me
  const fixed = (await prisma.user.findMany()).length.toFixed(0);
  return { n, fixed, sum: 2 ** (await prisma.post.findMany()).length } satisfies { n: number; fixed: string; sum: number };
}
