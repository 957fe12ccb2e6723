import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// A file whose multi-line objects end without a comma (prettier's
// trailingComma: "none") gets its batch query written the same way.
const defaults = {
  active: true
};

export async function run(prisma: PrismaClient) {
  const emails: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: defaults.active }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: 'asc' },
      take: 2
    });
    for (const user of batch) {
      emails.push(user.email);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return emails;
}

export const cases: unknown[][] = [[]];
