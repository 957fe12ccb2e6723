import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Walk every active user (a stand-in for a mailing job). Loads them all at once.
export async function run(prisma: PrismaClient) {
  let sent = 0;
  for (const user of await prisma.user.findMany({ where: { active: true } })) {
    if (user.email.length > 0) sent++;
  }
  return sent;
}
