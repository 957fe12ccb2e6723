import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.then` callbacks that use only the first row: the callback gets that row alone.
export function run(prisma: PrismaClient, minAge: number) {
  const oldest = prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: [{ age: 'desc' }, { id: 'asc' }] }).then((rows) => rows[0]);
  const email = prisma.user
    .findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } })
    .then((users) => (users.length > 0 ? users[0].email : 'nobody'));
  const title = prisma.post.findMany({ where: { views: { gte: minAge } }, orderBy: { id: 'desc' }, select: { title: true } }).then(function (posts) {
    return posts[0]?.title ?? null;
  });
  return Promise.all([oldest, email, title]);
}

export const cases: unknown[][] = [[0], [40], [1000]];
