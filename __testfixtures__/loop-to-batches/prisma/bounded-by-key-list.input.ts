import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Queries whose where pins the id or a unique field to a list (or one value)
// already return at most that many rows, often inside a hand-written batch
// loop (seen in formbricks): nothing to batch, no finding.
export async function run(prisma: PrismaClient, allIds: number[]) {
  const names = new Map<number, string | null>();
  for (let i = 0; i < allIds.length; i += 500) {
    const batch = allIds.slice(i, i + 500);
    const users = await prisma.user.findMany({
      where: { id: { in: batch } },
      select: { id: true, name: true },
    });
    for (const user of users) {
      names.set(user.id, user.name);
    }
  }
  return [...names.entries()];
}


export async function forms(prisma: PrismaClient, ids: number[], emails: string[], email: string) {
  const seen: number[] = [];
  // An AND member pins the key.
  const inAnd = await prisma.user.findMany({ where: { AND: [{ active: true }, { id: { in: ids } }] } });
  for (const user of inAnd) seen.push(user.id);
  // A unique field, by a list and by one value.
  const byEmails = await prisma.user.findMany({ where: { email: { in: emails }, active: true } });
  for (const user of byEmails) seen.push(user.id);
  const byEmail = await prisma.user.findMany({ where: { email } });
  for (const user of byEmail) seen.push(user.id);
  for (const post of await prisma.post.findMany({ where: { id: { equals: ids[0] } } })) seen.push(post.id);
  return seen;
}

export const cases: unknown[][] = [[[1, 2, 3]], [[]]];
