import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Membership tests over one field of the rows: an existence query with that field in where.
export async function run(prisma: PrismaClient, email: string, id: number) {
  const hasEmail = (await prisma.user.findMany({ where: { active: true } })).map((u) => u.email).includes(email);
  const users = await prisma.user.findMany({ where: { age: { gte: 30 } } });
  const known = new Set(users.map((u) => u.id)).has(id);
  let titled = 'yes';
  if (!(await prisma.post.findMany({ where: { authorId: id } })).map((p) => p.title).includes('Hello')) titled = 'no';
  return { hasEmail, known, titled };
}

// alice is active; ALICE differs in case (SQLite compares exactly, as includes does); 3 is 30 but inactive.
export const cases: unknown[][] = [['alice@example.com', 1], ['ALICE@example.com', 12], ['carol@example.com', 3], ['nobody', 99]];
