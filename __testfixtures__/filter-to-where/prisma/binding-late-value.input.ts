import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The predicate reads a name declared after the rows were loaded, or one that changes.
export async function run(prisma: PrismaClient, input: string) {
  const users = await prisma.user.findMany();
  const minAge = Number(input);
  const adults = users.filter((u) => u.age >= minAge);
  let name = 'Alice';
  const posts = await prisma.post.findMany();
  name = input;
  const titled = posts.filter((p) => p.title === name);
  return { adults, titled };
}
