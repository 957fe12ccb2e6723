import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.then` callbacks that only ask whether there are rows: an existence query, its answer the promise's value.
export function run(prisma: PrismaClient, minAge: number, email: string) {
  const any = prisma.user.findMany({ where: { age: { gte: minAge } } }).then((rows) => rows.length > 0);
  const none = prisma.post.findMany({ where: { views: { gte: minAge } }, orderBy: { id: 'asc' } }).then((posts) => {
    return posts.length === 0;
  });
  const label = prisma.user.findMany({ where: { active: true, age: { gte: minAge } } }).then((users) => (users.length ? 'some' : 'none'));
  const taken = prisma.user.findMany({ where: { active: true } }).then((users) => users.some((u) => u.email === email));
  const pair = prisma.user.findMany({ where: { age: { gte: minAge } } }).then((rows) => rows.length === 2);
  return Promise.all([any, none, label, taken, pair]);
}

// alice is active, carol is not; exactly two users are 52 or older; none is 1000.
export const cases: unknown[][] = [[0, 'alice@example.com'], [52, 'carol@example.com'], [1000, 'nobody']];
