import { PrismaClient } from '@prisma/client'

const prisma = new PrismaClient()

// JavaScript: no type arguments, no `as const`; the file's style (no semicolons) is kept.
export async function authorsOf(published) {
  const posts = await prisma.post.findMany({ where: { published } })
  const out = []
  const userRows = await prisma.user.findMany({ where: { id: { in: posts.map((post) => post.authorId) } } })
  const authorById = new Map(userRows.map((row) => [row.id, row]))
  const postRows = await prisma.post.findMany({ where: { authorId: { in: posts.map((post) => post.authorId) }, published: false } })
  const draftsByAuthorId = postRows.reduce((groups, row) => {
    const group = groups.get(row.authorId)
    if (group) group.push(row)
    else groups.set(row.authorId, [row])
    return groups
  }, new Map())
  for (const post of posts) {
    const author = authorById.get(post.authorId) ?? null
    const drafts = draftsByAuthorId.get(post.authorId) ?? []
    out.push({ title: post.title, author: author?.email, drafts: drafts.length })
  }
  return out
}
