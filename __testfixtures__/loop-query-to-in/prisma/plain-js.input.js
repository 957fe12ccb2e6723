import { PrismaClient } from '@prisma/client'

const prisma = new PrismaClient()

// JavaScript: no type arguments, no `as const`; the file's style (no semicolons) is kept.
export async function authorsOf(published) {
  const posts = await prisma.post.findMany({ where: { published } })
  const out = []
  for (const post of posts) {
    const author = await prisma.user.findUnique({ where: { id: post.authorId } })
    const drafts = await prisma.post.findMany({ where: { authorId: post.authorId, published: false } })
    out.push({ title: post.title, author: author?.email, drafts: drafts.length })
  }
  return out
}
