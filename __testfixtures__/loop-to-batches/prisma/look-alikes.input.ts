// Loops that look like loops over a Prisma load, but are not: left alone, no finding.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { PrismaClient } from '../../../test/prisma/generated/client.js';

const db = drizzle('file:local.db');
const repo = { user: { findMany: async (_q?: unknown) => [{ id: 1 }, { id: 2 }] } };

export async function run(prisma: PrismaClient, ids: number[]) {
  const out: number[] = [];
  for (const id of ids) out.push(id);
  ids.forEach((id) => out.push(id));
  for (const u of await repo.user.findMany({ where: {} })) out.push(u.id);
  for (const u of await db.query.users.findMany()) out.push(u.id);
  const users = await prisma.user.findMany({ where: { active: true } });
  out.push(users.length, users.map((u) => u.id).length);
  const posts = await prisma.post.findMany({ where: { published: true } });
  return { out, posts };
}
