import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function format(u: unknown): string;

// The row, or the rows, are used for more than plain field reads: left alone, silently.
export async function rowUsedOtherwise(prisma: PrismaClient, key: 'email' | 'name') {
  const a = (await prisma.user.findMany()).map((u) => format(u));
  const b = (await prisma.user.findMany()).map((u) => ({ ...u, label: u.email }));
  const c = (await prisma.user.findMany()).map((u) => u[key]);
  const d = (await prisma.user.findMany()).map(({ email, ...rest }) => [email, rest]);
  const e = (await prisma.user.findMany()).map((u, i, all) => all.length + i + u.age);
  const f = (await prisma.user.findMany()).map((u) => u.email.toUpperCase() + String(u));
  const g = (await prisma.user.findMany()).map(function () {
    return arguments[0];
  });
  const i = (await prisma.user.findMany()).map(format);
  const j = (await prisma.user.findMany()).map((u) => u.email, { prefix: 'x' });
  return [a, b, c, d, e, f, g, i, j];
}

// The rows escape beside the map, or a row is written.
export async function rowsEscape(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const emails = users.map((u) => u.email);
  return { emails, users };
}

export async function rowMutated(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  return users.map((u) => {
    u.name = u.name ?? 'anonymous';
    return u.name;
  });
}
