import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A list of one field of the rows, kept only for one membership test: an existence query where the rows were loaded.
export async function run(prisma: PrismaClient, email: string, id: number, name: string | null) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const emails = users.map((u) => u.email);
  const known = emails.includes(email);
  const ids = (await prisma.user.findMany({ where: { age: { gte: 30 } } })).map((u) => u.id);
  let label = 'unknown';
  if (!ids.includes(id)) label = 'not over 30';
  const posts = await prisma.post.findMany({ where: { authorId: id } });
  const titles = new Set(posts.map((p) => p.title));
  const titled = titles.has('Hello');
  // name is nullable: includes(null) finds a NULL name, as `name: null` does.
  const names = (await prisma.user.findMany({ where: { age: { lte: 30 } } })).map((u) => u.name);
  const named = names.includes(name);
  return { known, label, titled, named };
}

// alice is active, carol is not; 3 (carol) is 30; user 1 wrote "Hello"; users 3 and 5 (25) have no name; two Alices are 30 or younger.
export const cases: unknown[][] = [
  ['alice@example.com', 1, 'Bob'],
  ['carol@example.com', 3, null],
  ['nobody', 99, 'Heidi'],
  ['grace@example.com', 7, 'Alice'],
];
