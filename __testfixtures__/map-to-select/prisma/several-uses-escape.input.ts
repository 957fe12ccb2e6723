import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function audit(row: unknown): void;
declare function send(rows: unknown): void;

// Rows with several uses, one of which does more than read named fields:
// left alone, silently.
export async function usedWhole(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const ids = users.map((u) => u.id);
  return { n: users.length, ids, users };
}

export async function computedKey(prisma: PrismaClient, key: 'email' | 'name') {
  const users = await prisma.user.findMany();
  const n = users.length;
  const first = users.find((u) => u.age > 30);
  return [n, first?.[key]];
}

export async function rowPassedOn(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  for (const u of users) audit(u);
  return users.map((u) => u.email);
}

export async function callOnRow(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const some = users.some((u) => u.email.length > 3 && Object.keys(u).length > 2);
  return [users.length, some];
}

export async function outerVariable(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  let last: unknown;
  users.forEach((u) => {
    last = u;
  });
  return [users.map((u) => u.id), last];
}

export async function foundRowEscapes(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const admin = users.find((u) => u.email === 'alice@example.com');
  return { n: users.length, admin };
}

export async function filteredRowsEscape(prisma: PrismaClient) {
  const posts = await prisma.post.findMany();
  const drafts = posts.filter((p) => !p.published);
  send(drafts);
  return posts.map((p) => p.title);
}

export async function spreadAndJson(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const copy = users.map((u) => ({ ...u }));
  return [users.length, JSON.stringify(users), copy];
}

export async function inOperator(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const first = users[0];
  return [users.length, first && 'email' in first];
}

export async function loopVariableReassigned(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const names: string[] = [];
  for (let u of users) {
    names.push(u.email);
    u = users[0];
  }
  return [users.length, names];
}

export async function thisArgAndThirdParam(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const a = users.some(function (u) {
    return u.age > 30;
  }, {});
  const b = users.filter((u, i, all) => all.length > i && u.active).length;
  return [users.length, a, b];
}

export async function foundRowOr(prisma: PrismaClient) {
  const users = await prisma.user.findMany();
  const row = users.find((u) => u.active) ?? users[0];
  return [users.length, row.email];
}

export async function indexedByComputedKey(prisma: PrismaClient, i: number) {
  const users = await prisma.user.findMany();
  return [users.length, users[i].email];
}
