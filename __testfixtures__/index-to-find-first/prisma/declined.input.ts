import type { Prisma, PrismaClient } from '../../../test/prisma/generated/client.js';

// findFirst cannot say these the same way: each is reported, none rewritten.
export async function run(prisma: PrismaClient, n: number, args: Prisma.UserFindManyArgs) {
  const none = (await prisma.user.findMany({ where: { active: true }, take: 0 }))[0];
  const fromEnd = (await prisma.user.findMany({ orderBy: { id: 'asc' }, take: -3 }))[0];
  const [page] = await prisma.user.findMany({ orderBy: { id: 'asc' }, take: n });
  const passed = (await prisma.user.findMany(args))[0];
  const last = (await prisma.post.findMany({ orderBy: { views: 'asc' } })).at(-1);
  return { none, fromEnd, page, passed, last };
}
