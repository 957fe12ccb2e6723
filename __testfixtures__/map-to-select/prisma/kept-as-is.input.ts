import type { PrismaClient } from '../../../test/prisma/generated/client.js';

declare function audit(row: unknown): string;

// Queries with a select or include that pushdown leaves exactly as they are,
// and says nothing about.

// narrowing would drop the distinct field: which rows come back is the
// distinct's business, so the select stays
export async function firstPostPerAuthor(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ distinct: ['authorId'], select: { authorId: true, title: true }, orderBy: { id: 'asc' } });
  return posts.map((p) => p.title);
}

// distinct named by something other than string literals
export async function byColumn(prisma: PrismaClient, column: 'age' | 'name') {
  return (await prisma.user.findMany({ distinct: [column], select: { id: true, email: true } })).map((u) => u.email);
}

// the select is not an object literal pushdown can read
export async function fromShape(prisma: PrismaClient, shape: { email: true; name: true }) {
  return (await prisma.user.findMany({ select: shape })).map((u) => u.email);
}

// an included row passed on whole: not a plain field read
export async function audited(prisma: PrismaClient) {
  return (await prisma.post.findMany({ include: { author: true } })).map((p) => audit(p));
}

// the rows are returned beside the map
export async function withAuthors(prisma: PrismaClient) {
  const posts = await prisma.post.findMany({ include: { author: true } });
  const titles = posts.map((p) => p.title);
  return { titles, posts };
}

// select and include together: a query Prisma rejects, not this rule's business
export async function both(prisma: PrismaClient) {
  // @ts-expect-error Prisma does not accept select beside include
  return (await prisma.post.findMany({ select: { title: true }, include: { author: true } })).map((p) => p.title);
}
