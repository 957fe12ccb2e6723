import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A file whose multi-line objects end without a comma (prettier's
// trailingComma: "none") gets its batch query written the same way.
const defaults = {
  active: true
};

export async function run(prisma: PrismaClient) {
  const emails: string[] = [];
  const users = await prisma.user.findMany({
    where: { active: defaults.active }
  });
  for (const user of users) {
    emails.push(user.email);
  }
  return emails;
}

export const cases: unknown[][] = [[]];
