import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Membership tests over one field of the rows: an existence query with that field in where.
export async function run(prisma: PrismaClient, email: string, id: number) {
  const hasEmail = (await prisma.user.findFirst({ where: { active: true, email }, select: { id: true } })) !== null;
  const known = (await prisma.user.findFirst({ where: { age: { gte: 30 }, id }, select: { id: true } })) !== null;
  let titled = 'yes';
  if ((await prisma.post.findFirst({ where: { authorId: id, title: 'Hello' }, select: { id: true } })) === null) titled = 'no';
  return { hasEmail, known, titled };
}

// alice is active; ALICE differs in case (SQLite compares exactly, as includes does); 3 is 30 but inactive.
export const cases: unknown[][] = [['alice@example.com', 1], ['ALICE@example.com', 12], ['carol@example.com', 3], ['nobody', 99]];
