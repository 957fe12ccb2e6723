import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Rows with several uses, each reading only named fields (or only the length):
// the load stays, and selects the union of the fields read.
export async function run(prisma: PrismaClient, minAge: number) {
  // the length beside a map
  const users = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { id: 'asc' } });
  const summary = { n: users.length, ids: users.map((u) => u.id) };

  // .find, and the row it finds read only for its fields; .some and .every tests
  const people = await prisma.user.findMany({ orderBy: { id: 'asc' } });
  const found = people.find((u) => u.age >= minAge && u.active);
  const firstMatch = found ? `${found.email} ${found?.name ?? '-'}` : null;
  const anyBonus = people.some((u) => (u.bonus ?? 0) > 0);
  const allAdults = people.every(({ age }) => age >= 18);
  const at = people.findIndex((u) => u.score > 90);

  // .filter, and the filtered rows counted and mapped
  const posts = await prisma.post.findMany({ where: { views: { gte: minAge } }, orderBy: { id: 'asc' } });
  const published = posts.filter((p) => p.published);
  const titles = { all: posts.length, published: published.length, titles: published.map((p) => p.title) };
  const rated = posts.filter((p) => p.rating !== null).map((p) => p.views);

  // a for-of loop that destructures, and one whose row is only read
  const accounts = await prisma.user.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
  let total = 0;
  for (const { age, bonus } of accounts) total += age + (bonus ?? 0);
  const lines: string[] = [];
  for (const a of accounts) {
    if (a.balance.isNegative()) continue;
    lines.push(`${a.email}:${a.balance.toFixed(2)}`);
  }

  // the first row by index beside the length
  const newest = await prisma.user.findMany({ where: { age: { gte: minAge } }, orderBy: { createdAt: 'desc' } });
  const latest = newest.length > 0 ? newest[0].createdAt.toISOString() : null;

  return { summary, firstMatch, anyBonus, allAdults, at, titles, rated, total, lines, latest };
}

export const cases: unknown[][] = [[0], [30], [41], [1000]];
