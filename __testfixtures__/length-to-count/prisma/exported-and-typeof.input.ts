import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare const prisma: PrismaClient;

// Exported: other modules may read the rows.
export const allUsers = await prisma.user.findMany();
const n = allUsers.length;

export async function typed() {
  const posts = await prisma.post.findMany();
  const copy: typeof posts = [];
  return posts.length + copy.length + n;
}
