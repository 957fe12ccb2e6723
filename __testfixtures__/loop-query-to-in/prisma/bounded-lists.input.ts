import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function notify(id: number): Promise<void>;

// An N+1 the rule declines (another await in the body) over a bounded list is
// at most that many queries: no finding.

// A page: take.
export async function page(prisma: PrismaClient) {
  const users = await prisma.user.findMany({ where: { active: true }, take: 100 });
  for (const u of users) {
    await notify(u.id);
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    console.log(posts.length);
  }
}

// A list of keys computed at run time.
export async function keyList(prisma: PrismaClient, ids: number[]) {
  const users = await prisma.user.findMany({ where: { id: { in: ids } } });
  for (const u of users) {
    await notify(u.id);
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    console.log(posts.length);
  }
}

// Derived from a bounded load through filter and map.
export async function derived(prisma: PrismaClient, ids: number[]) {
  const users = await prisma.user.findMany({ where: { id: { in: ids } } });
  const rows = users.map((u) => ({ id: u.id, name: u.name }));
  const named = rows.filter((r) => r.name !== null);
  for (const u of named) {
    await notify(u.id);
    const posts = await prisma.post.findMany({ where: { authorId: u.id } });
    console.log(posts.length);
  }
}

// A literal list.
export async function literal(prisma: PrismaClient) {
  const authors = [{ id: 1 }, { id: 2 }];
  for (const a of authors) {
    await notify(a.id);
    const posts = await prisma.post.findMany({ where: { authorId: a.id } });
    console.log(posts.length);
  }
}
