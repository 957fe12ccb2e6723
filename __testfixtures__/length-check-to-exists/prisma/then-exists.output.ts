import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `.then` callbacks that only ask whether there are rows: an existence query, its answer the promise's value.
export function run(prisma: PrismaClient, minAge: number, email: string) {
  const any = prisma.user.findFirst({ where: { age: { gte: minAge } }, select: { id: true } }).then((result) => result !== null);
  const none = prisma.post.findFirst({ where: { views: { gte: minAge } }, select: { id: true } }).then((result) => result === null);
  const label = prisma.user.findFirst({ where: { active: true, age: { gte: minAge } }, select: { id: true } }).then((result) => result !== null).then((hasUsers) => (hasUsers ? 'some' : 'none'));
  const taken = prisma.user.findFirst({ where: { active: true, email }, select: { id: true } }).then((result) => result !== null);
  const pair = prisma.user.count({ where: { age: { gte: minAge } }, take: 3 }).then((rowsCount) => rowsCount === 2);
  return Promise.all([any, none, label, taken, pair]);
}

// alice is active, carol is not; exactly two users are 52 or older; none is 1000.
export const cases: unknown[][] = [[0, 'alice@example.com'], [52, 'carol@example.com'], [1000, 'nobody']];
