import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.then` callbacks that use only the first row: the callback gets that row alone.
export function run(prisma: PrismaClient, minAge: number) {
  const oldest = prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: [{ age: 'desc' }, { id: 'asc' }] }).then((firstRow) => (firstRow ?? undefined)!);
  const email = prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } })
    .then((firstUser) => (firstUser !== null ? firstUser.email : 'nobody'));
  const title = prisma.post.findFirst({ where: { views: { gte: minAge } }, orderBy: { id: 'desc' }, select: { title: true } }).then(function (firstPost) {
    return firstPost?.title ?? null;
  });
  return Promise.all([oldest, email, title]);
}

export const cases: unknown[][] = [[0], [40], [1000]];
