import type { Post, PrismaClient } from '../../../test/prisma/generated/client.js';

// The first row read with no emptiness test (seen in documenso): `rows[0]` is
// typed `Post`, so the findFirst value keeps that type with `!` on the
// `?? undefined` form, and an empty result still throws the same TypeError.
export async function unguarded(prisma: PrismaClient, authorId: number) {
  const firstPost = ((await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'asc' } })) ?? undefined)!;
  const title = firstPost.title;
  return { title, id: firstPost.id };
}

function describe(post: Post): string {
  return `${post.id}: ${post.title}`;
}

// `const newest = rows[0]` becomes the query's own name.
export async function aliased(prisma: PrismaClient, authorId: number) {
  const newest = ((await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'desc' } })) ?? undefined)!;
  return [newest.title, describe(newest)];
}

// An alias used only in null-tolerant ways needs no `?? undefined`.
export async function aliasedOptional(prisma: PrismaClient, authorId: number) {
  const newest = await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'desc' } });
  return newest?.title ?? 'none';
}

// The alias stays where it cannot take the query's place: a comment above it,
// another block, a `let`.
export async function aliasesKept(prisma: PrismaClient, authorId: number) {
  const firstPost = ((await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'asc' } })) ?? undefined)!;
  // the oldest post
  const oldest = firstPost;
  const firstUser = ((await prisma.user.findFirst({ where: { id: authorId } })) ?? undefined)!;
  let author = firstUser;
  const firstEmail = ((await prisma.user.findFirst({ where: { id: { gte: authorId } }, orderBy: { id: 'asc' } })) ?? undefined)!;
  if (authorId > 0) {
    const email = firstEmail;
    author = { ...author, email: email.email };
  }
  return [oldest.title, author.email];
}

const forms = { unguarded, aliased, aliasedOptional, aliasesKept };

export async function run(prisma: PrismaClient, form: keyof typeof forms, authorId: number) {
  return forms[form](prisma, authorId);
}

// Author 999 has no posts: every unguarded form throws a TypeError, before and after.
export const cases: unknown[][] = Object.keys(forms).flatMap((form) => [[form, 1], [form, 3], [form, 999]]);
