import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Predicates with no where clause of the same meaning.
export async function run(prisma: PrismaClient, prefix: string, since: Date, limit: number) {
  const a = (await prisma.user.findMany()).some((u) => u.email.startsWith(prefix));
  const b = (await prisma.user.findMany()).some((u) => u.age < limit || u.active);
  const c = (await prisma.user.findMany()).some((u) => u.name !== 'Alice');
  const d = (await prisma.user.findMany()).some((u) => u.createdAt === since);
  const e = (await prisma.user.findMany()).some((u) => u.bonus! > 3);
  const f = (await prisma.user.findMany({ take: 5 })).some((u) => u.active);
  const g = (await prisma.user.findMany()).some((u, i) => u.active && i > 2);
  const h = (await prisma.user.findMany()).some((u) => u.age > u.score);
  const i = (await prisma.user.findMany()).find((u) => u.name === 'Alice')?.email;
  return { a, b, c, d, e, f, g, h, i };
}
