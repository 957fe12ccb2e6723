import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The length used as a number, or compared in ways that are not an emptiness
// test: length-to-count's business, or nobody's.
export async function run(prisma: PrismaClient) {
  const next = (await prisma.user.findMany()).length + 1;
  const n = (await prisma.user.findMany()).length;
  const orZero = (await prisma.user.findMany()).length || 10;
  const always = (await prisma.user.findMany()).length >= 0;
  const half = (await prisma.user.findMany()).length > 0.5;
  const users = await prisma.user.findMany();
  const label = users.length > 0 ? `${users.length} users` : 'no users';
  return { next, n, orZero, always, half, label };
}
