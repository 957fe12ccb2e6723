import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Not the first row, or not only the first row: left alone.
export async function run(prisma: PrismaClient, i: number) {
  const second = (await prisma.user.findMany({ orderBy: { id: 'asc' } }))[1];
  const nth = (await prisma.user.findMany({ orderBy: { id: 'asc' } }))[i];
  const [a, b] = await prisma.post.findMany({ orderBy: { views: 'desc' } });
  const [, runnerUp] = await prisma.post.findMany({ orderBy: { views: 'desc' } });
  const [head, ...rest] = await prisma.post.findMany({ where: { published: true } });
  const users = await prisma.user.findMany({ where: { active: true } });
  const leader = users[0];
  console.log(users.length === 1, leader);
  const authors = await prisma.user.findMany({ where: { bonus: null } });
  return { second, nth, a, b, runnerUp, head, rest, one: authors[0], all: authors };
}
