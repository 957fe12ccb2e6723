import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare const repo: { findMany(): Promise<{ views: number }[]> };

// Not Prisma loads, or not a sum of one field: left alone, silently.
export async function lookAlikes(prisma: PrismaClient) {
  const list = [{ views: 1 }, { views: 2 }];
  const a = list.reduce((s, p) => s + p.views, 0);
  const b = Math.max(...list.map((p) => p.views));
  const c = (await repo.findMany()).reduce((s, p) => s + p.views, 0);
  const posts = await prisma.post.findMany();
  // No initial value: the first row object starts the sum.
  const d = (await prisma.post.findMany()).reduce((s, p) => ({ ...s, views: s.views + p.views }));
  // Bodies that are not acc + row.field.
  const e = (await prisma.post.findMany()).reduce((s, p) => s * p.views, 1);
  const f = (await prisma.post.findMany()).reduce((s, p) => s + p.views * 2, 0);
  const g = (await prisma.post.findMany()).reduce((s, p) => s + p.views + p.authorId, 0);
  const h = (await prisma.post.findMany()).reduce((s, p) => Math.max(s, p.views), 0);
  const i = (await prisma.post.findMany()).reduce((s, p) => s - p.views, 0);
  const j = (await prisma.post.findMany()).reduce((s, p) => s + (p.rating ?? 1), 0);
  const k = (await prisma.post.findMany()).reduce((s, p, index) => s + p.views + index, 0);
  const l = (await prisma.post.findMany()).reduce((s, p) => s + p.views, initial());
  const m = (await prisma.post.findMany()).reduce((s, p) => s + p.views, '');
  // Math.max with other arguments, or a shadowed Math.
  const n = Math.max(0, ...(await prisma.post.findMany()).map((p) => p.views));
  const o = Math.max(...(await prisma.post.findMany()).map((p) => p.views + 1));
  // map then reduce: no initial value (throws on no rows), or not a plain sum.
  const q = (await prisma.post.findMany()).map((p) => p.views).reduce((x, y) => x + y);
  const r = (await prisma.post.findMany()).map((p) => p.views).reduce((x, y) => x + y + 1, 0);
  const t = (await prisma.post.findMany()).map((p) => p.views).reduce((x, y) => x + x, 0);
  return [a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, q, r, t, posts.length];
}

declare function initial(): number;

export async function shadowedMath(prisma: PrismaClient) {
  const Math = { max: (...xs: number[]) => xs.length };
  return Math.max(...(await prisma.post.findMany()).map((p) => p.views));
}
