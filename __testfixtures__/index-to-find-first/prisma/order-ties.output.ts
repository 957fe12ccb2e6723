import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// An order that can tie (views, published and bonus repeat; bonus has NULLs):
// which of the tied rows comes first is the database's choice, and
// PostgreSQL and MariaDB choose differently with LIMIT 1 (a top-N sort) than
// without (engine-differences.ts).
export async function run(prisma: PrismaClient, published: boolean) {
  const fewest = ((await prisma.post.findFirst({ orderBy: { views: 'asc' } })) ?? undefined)!;
  const draft = await prisma.post.findFirst({ where: { published }, orderBy: { views: 'desc' } });
  const byBonus = await prisma.user.findFirst({ orderBy: { bonus: 'desc' } });
  return { fewest: fewest?.id, draft: draft?.id, byBonus: byBonus?.id };
}

export const cases: unknown[][] = [[true], [false]];
