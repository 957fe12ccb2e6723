import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// No Prisma schema found (no-schema.options.json): the key to batch on and its type are
// unknown, so both loops are declined with a finding; pushdown never guesses `id: number`
// (a `String @id` would not compile).
export async function run(prisma: PrismaClient) {
  const emails: string[] = [];
  for (const u of await prisma.user.findMany({ select: { id: true, email: true } })) emails.push(u.email);
  const ages: number[] = [];
  for (const u of await prisma.user.findMany({ orderBy: { age: 'asc' } })) ages.push(u.age);
  return { emails: emails.sort(), ages };
}
