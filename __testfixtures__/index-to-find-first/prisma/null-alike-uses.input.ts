import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Every use treats a missing row the same whether it is null or undefined.
export async function run(prisma: PrismaClient, minAge: number) {
  const out: unknown[] = [];
  if ((await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { age: 'asc' } }))[0]) out.push('some');
  out.push((await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } }))[0]?.name);
  out.push((await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'desc' } }))[0] == null);
  const [oldest] = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: [{ age: 'desc' }, { id: 'asc' }], select: { id: true, email: true } });
  out.push(oldest?.email ?? 'nobody', !oldest, oldest ? oldest.id : -1);
  return out;
}

export const cases: unknown[][] = [[0], [41], [60], [61]];
