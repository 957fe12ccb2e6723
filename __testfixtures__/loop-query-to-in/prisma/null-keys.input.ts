import type { PrismaClient } from '../../../test/prisma/generated/client.js';

interface Row {
  id: number;
  bonus: number | null;
}

// A key computed from the row (not a plain field): not recognised as per-row, left alone.
export async function computedKey(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findUnique({ where: { id: u.bonus ?? 0 } }));
  return out;
}

// bonus is optional: a null key reads rows differently as a list (`in` never matches NULL).
export async function optionalField(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { views: u.bonus } }));
  return out;
}

// Rows from elsewhere: pushdown cannot tell that every key is defined.
export async function fromParameter(prisma: PrismaClient, rows: Row[]) {
  const out = [];
  for (const r of rows) out.push(await prisma.post.findMany({ where: { authorId: r.id } }));
  return out;
}

// The list's select leaves out the key: u.id is undefined, and `authorId: undefined` means no filter.
export async function keyNotSelected(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true }, select: { email: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: u.id } }));
  return out;
}
