import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The last row where reversing the order would not give it: each is reported, none rewritten.
export async function run(prisma: PrismaClient) {
  const unordered = (await prisma.post.findMany()).at(-1);
  const ties = (await prisma.post.findMany({ orderBy: { views: 'desc' } })).at(-1);
  // A page (take) is bounded: its last row is not the reversed order's first, and it is no whole-table finding.
  const page = await prisma.user.findMany({ orderBy: { id: 'asc' }, take: 5 });
  const lastOfPage = page[page.length - 1];
  const named = (await prisma.user.findMany({ orderBy: { name: 'asc' } })).findLast((u) => u.active);
  // Used for more than the last row: left alone, silently.
  const users = await prisma.user.findMany({ orderBy: { id: 'asc' } });
  const last = users.at(-1);
  return { unordered, ties, lastOfPage, named, last, users };
}
