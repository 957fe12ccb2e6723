import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A sum or extremum of one field that no aggregate can say exactly: findings.
export async function declined(prisma: PrismaClient) {
  // Decimal: `0 + Decimal` concatenates strings; the aggregate is an exact Prisma.Decimal.
  const balance = (await prisma.user.findMany()).reduce((s, u) => s + Number(u.balance), 0) + (await prisma.user.findMany()).reduce((s, u) => s + (u.balance as unknown as number), 0);
  // A string field: `+` concatenates.
  const names = (await prisma.user.findMany()).reduce((s, u) => s + u.email, 0);
  // Math.max reads NULL as 0: Math.max(null, -3) is 0, the database's MAX is -3.
  const bonus = Math.max(...(await prisma.user.findMany()).map((u) => u.bonus!));
  const rating = Math.min(...(await prisma.post.findMany({ where: { published: true } })).map((p) => p.rating ?? 0));
  // distinct: aggregate has none.
  const ages = (await prisma.user.findMany({ distinct: ['age'] })).reduce((s, u) => s + u.age, 0);
  // a relation
  const authors = (await prisma.post.findMany({ include: { author: true } })).reduce((s, p) => s + (p.author as unknown as number), 0);
  return { balance, names, bonus, rating, ages, authors };
}
