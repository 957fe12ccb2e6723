import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function stats(ctx) {
  const open = await ctx.db.ticket.findMany({ where: { closed: false } });
  return { open: open.length, users: (await prisma.user.findMany()).length };
}
