import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// The query reads the row beyond its key: one query cannot say every row's filter.
export async function moreThanTheKey(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) out.push(await prisma.post.findMany({ where: { authorId: u.id, views: { gt: u.age } } }));
  return out;
}

// A variable the loop changes.
export async function changingThreshold(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  let threshold = 0;
  for (const u of users) {
    threshold += 10;
    out.push(await prisma.post.findMany({ where: { authorId: u.id, views: { gt: threshold } } }));
  }
  return out;
}

// A value computed in the body.
export async function computedInBody(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) {
    const since = u.age * 2;
    out.push(await prisma.post.findMany({ where: { authorId: u.id, views: { gt: since } } }));
  }
  return out;
}

// The loop writes the key its query reads.
export async function keyWritten(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) {
    u.id = u.id + 1;
    out.push(await prisma.post.findMany({ where: { authorId: u.id } }));
  }
  return out;
}

// The list is changed inside the loop.
export async function listGrows(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) {
    if (u.id < 3) users.push({ ...u, id: u.id + 100 });
    out.push(await prisma.post.findMany({ where: { authorId: u.id } }));
  }
  return out;
}

// A failing query was caught per row; one query before the loop would fail outside the try.
export async function caught(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true } });
  const out = [];
  for (const u of users) {
    try {
      out.push(await prisma.post.findMany({ where: { authorId: u.id } }));
    } catch {
      out.push([]);
    }
  }
  return out;
}
