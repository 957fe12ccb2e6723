import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function stats(ctx) {
  const openCount = await ctx.db.ticket.count({ where: { closed: false } });
  return { open: openCount, users: await prisma.user.count() };
}
