import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A list of one field of the rows, kept only for one membership test: an existence query where the rows were loaded.
export async function run(prisma: PrismaClient, email: string, id: number, name: string | null) {
  const known = (await prisma.user.findFirst({ where: { active: true, email }, select: { id: true } })) !== null;
  const hasId = (await prisma.user.findFirst({ where: { age: { gte: 30 }, id }, select: { id: true } })) !== null;
  let label = 'unknown';
  if (!hasId) label = 'not over 30';
  const titled = (await prisma.post.findFirst({ where: { authorId: id, title: 'Hello' }, select: { id: true } })) !== null;
  // name is nullable: includes(null) finds a NULL name, as `name: null` does.
  const named = name !== undefined && (await prisma.user.findFirst({ where: { age: { lte: 30 }, name }, select: { id: true } })) !== null;
  return { known, label, titled, named };
}

// alice is active, carol is not; 3 (carol) is 30; user 1 wrote "Hello"; users 3 and 5 (25) have no name; two Alices are 30 or younger.
export const cases: unknown[][] = [
  ['alice@example.com', 1, 'Bob'],
  ['carol@example.com', 3, null],
  ['nobody', 99, 'Heidi'],
  ['grace@example.com', 7, 'Alice'],
];
