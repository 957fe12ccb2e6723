import type { PrismaClient, User } from '../../../test/prisma/generated/client.js';

// Annotations that name the full row type: a select would break them.
export async function annotated(prisma: PrismaClient) {
  const users: User[] = await prisma.user.findMany({ where: { active: true } });
  const emails = users.map((u) => u.email);
  const names = (await prisma.user.findMany()).map((u: User) => u.name);
  return { emails, names };
}
