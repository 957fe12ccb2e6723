import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Every use treats a missing row the same whether it is null or undefined.
export async function run(prisma: PrismaClient, minAge: number) {
  const out: unknown[] = [];
  if (await prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: { age: 'asc' } })) out.push('some');
  out.push((await prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } }))?.name);
  out.push((await prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: { id: 'desc' } })) == null);
  const oldest = await prisma.user.findFirst({ where: { age: { gte: minAge } }, orderBy: [{ age: 'desc' }, { id: 'asc' }], select: { id: true, email: true } });
  out.push(oldest?.email ?? 'nobody', !oldest, oldest ? oldest.id : -1);
  return out;
}

export const cases: unknown[][] = [[0], [41], [60], [61]];
