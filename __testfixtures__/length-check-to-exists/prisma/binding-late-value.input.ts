import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The predicate reads a name declared after the rows were loaded: the query cannot move it.
export async function run(prisma: PrismaClient, raw: string) {
  const users = await prisma.user.findMany();
  const email = raw.trim();
  return users.some((u) => u.email === email);
}
