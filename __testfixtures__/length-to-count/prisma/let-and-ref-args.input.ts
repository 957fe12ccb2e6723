import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function run(prisma: PrismaClient) {
  const query = { where: { published: true }, take: 3 };
  let posts = await prisma.post.findMany(query);
  const usersCount = 1; // the natural new name is taken
  return [posts.length, usersCount, (await prisma.user.findMany(query2())).length];
}

function query2() {
  return { where: { active: false } };
}
