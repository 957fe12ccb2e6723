import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Filters with no where clause of the same meaning: each gets a finding.
export async function run(prisma: PrismaClient, name: string | undefined, since: Date, limit: number) {
  const a = (await prisma.user.findMany()).filter((u) => u.name === name);
  const b = (await prisma.user.findMany({ take: 5 })).filter((u) => u.active);
  const c = (await prisma.user.findMany({ skip: 1 })).filter((u) => u.active);
  const d = (await prisma.user.findMany({ distinct: ['age'] })).filter((u) => u.active);
  const e = (await prisma.post.findMany()).filter((p) => p.rating! > 3);
  const f = (await prisma.user.findMany()).filter((u) => u.name !== 'Alice');
  const g = (await prisma.user.findMany()).filter((u) => u.createdAt < since);
  const h = (await prisma.user.findMany()).filter((u) => u.age < limit || u.active);
  const i = (await prisma.user.findMany()).filter((u) => u.email.endsWith('.org'));
  const j = (await prisma.user.findMany()).filter((u) => u.name);
  return [a, b, c, d, e, f, g, h, i, j];
}
