import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// No Prisma schema found (no-schema.options.json): the key is assumed to be `id`, a number,
// and an orderBy on another field is declined (its nullability is unknown).
export async function run(prisma: PrismaClient) {
  const emails: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      select: { id: true, email: true },
      orderBy: { id: 'asc' },
      take: 4,
    });
    for (const u of batch) emails.push(u.email);
    if (batch.length < 4) break;
    after = batch[batch.length - 1]!.id;
  }
  const ages: number[] = [];
  for (const u of await prisma.user.findMany({ orderBy: { age: 'asc' } })) ages.push(u.age);
  // Without an orderBy the database picks the order (SQLite walks the email index here), and
  // batches come in id order: only the set of rows seen is the same.
  return { emails: emails.sort(), ages };
}
