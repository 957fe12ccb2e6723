import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function matches(email: string): boolean;

export async function declined(prisma: PrismaClient, email: string | undefined, needle: string) {
  // A call in the predicate: not a field test.
  const a = (await prisma.user.findMany()).find((u) => u.email.toLowerCase() === needle);
  const b = (await prisma.user.findMany()).find((u) => matches(u.email));
  // A value that may be undefined: `.find` matches nothing, a where with undefined matches everything.
  const c = (await prisma.user.findMany()).find((u) => u.email === email);
  // take: `.find` searched only the first rows.
  const d = (await prisma.user.findMany({ take: 3, orderBy: { id: 'asc' } })).find((u) => u.age > 40);
  // An outer variable that changes after the load.
  let threshold = 10;
  const rows = await prisma.user.findMany();
  threshold = 40;
  const e = rows.find((u) => u.age > threshold);
  return { a, b, c, d, e };
}

export async function leftAlone(prisma: PrismaClient, needle: string) {
  // The rows are also used whole.
  const rows = await prisma.user.findMany();
  const one = rows.find((u) => u.email === needle);
  return { one, rows };
}
