import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function send(row: unknown): Promise<void>;

const PAGE = 100;

// Loads that are already bounded (issue 13, classes 1, 2 and 5): a take, a
// page of a keyset or cursor loop, a drain loop, a key or a runtime list.
// Each would be a declined loop (the rows are used besides it), and none is a
// whole-table finding.
export async function run(prisma: PrismaClient, limit: number, ids: number[], emails: string[]) {
  const a = await prisma.user.findMany({ where: { active: true }, take: 50 });
  for (const u of a) await send(u);
  const b = await prisma.user.findMany({ where: { active: true }, take: PAGE, select: { email: true } });
  for (const u of b) await send(u);
  const c = await prisma.user.findMany({ take: limit * 3 });
  for (const u of c) await send(u);

  let cursor: number | undefined;
  for (;;) {
    const page = await prisma.user.findMany({
      where: { active: true },
      ...(cursor !== undefined && { skip: 1, cursor: { id: cursor } }),
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    for (const u of page) await send(u);
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }

  let after = 0;
  while (true) {
    const rows = await prisma.post.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' } });
    if (rows.length === 0) break;
    for (const p of rows) await send(p);
    after = rows[rows.length - 1]!.id;
    if (after > 1000) break;
  }

  while (true) {
    const stale = await prisma.post.findMany({ where: { published: false }, take: 500 });
    if (stale.length === 0) break;
    for (const p of stale) await prisma.post.delete({ where: { id: p.id } });
  }

  const byId = await prisma.user.findMany({ where: { id: { in: ids } } });
  for (const u of byId) await send(u);
  const byEmail = await prisma.user.findMany({ where: { email: { in: emails } } });
  for (const u of byEmail) await send(u);
  const byAuthors = await prisma.post.findMany({ where: { authorId: { in: ids.map((i) => i + 1) } } });
  for (const p of byAuthors) await send(p);
  const one = await prisma.user.findMany({ where: { AND: [{ id: ids[0] }, { active: true }] } });
  for (const u of one) await send(u);
  return a.length + b.length + c.length + byId.length + byEmail.length + byAuthors.length + one.length;
}
