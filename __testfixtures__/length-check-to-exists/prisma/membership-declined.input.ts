import type { PrismaClient } from '../../../test/prisma/generated/client.js';

export async function declined(prisma: PrismaClient, score: number, needle: string) {
  // A float field: includes finds NaN (SameValueZero), `=` does not.
  const a = (await prisma.user.findMany()).map((u) => u.score).includes(score);
  // Not a plain field.
  const b = (await prisma.user.findMany()).map((u) => u.email.toLowerCase()).includes(needle);
  return { a, b };
}

export async function leftAlone(prisma: PrismaClient, id: number) {
  // The rows are also used whole.
  const users = await prisma.user.findMany();
  const known = users.map((u) => u.id).includes(id);
  // Not a membership test: the mapped list is kept.
  const emails = (await prisma.user.findMany()).map((u) => u.email);
  return { known, users, emails };
}
