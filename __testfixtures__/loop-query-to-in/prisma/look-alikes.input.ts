import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare const api: { post: { findMany(args: unknown): Promise<unknown[]> } };

export async function lookAlikes(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out: unknown[] = [];
  // Not a database client.
  for (const u of users) out.push(await api.post.findMany({ where: { authorId: u.id } }));
  // The same query for every row (not keyed by it).
  for (const u of users) out.push(u.id, await prisma.post.findMany({ where: { authorId: 1 } }));
  // Not awaited in the loop: the promises are collected.
  const pending = [];
  for (const u of users) pending.push(prisma.post.findMany({ where: { authorId: u.id } }));
  // Inside a function the loop only defines.
  const later: (() => Promise<unknown>)[] = [];
  for (const u of users) later.push(async () => prisma.post.findMany({ where: { authorId: u.id } }));
  // A relation filter, not a plain key.
  for (const u of users) out.push(await prisma.post.findMany({ where: { author: { id: u.id } } }));
  // Keyed by something other than the row.
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: out.length } }));
  // Already one query for every key.
  const posts = await prisma.post.findMany({ where: { authorId: { in: users.map((u) => u.id) } } });
  return { out, pending, later, posts };
}
