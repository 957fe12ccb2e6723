import type { PrismaClient } from "../../../test/prisma/generated/client.js"

// A file written without semicolons and with double quotes gets the batch
// loop in its own style.
export async function all(prisma: PrismaClient) {
  const emails: string[] = []
  const users = await prisma.user.findMany({ where: { active: true } })
  for (const user of users) {
    emails.push(user.email)
  }
  return emails
}

export async function run(prisma: PrismaClient, limit: number) {
  const names: string[] = []
  const users = await prisma.user.findMany({ where: { active: true }, orderBy: { id: "asc" } })
  users.forEach((user) => {
    if (user.name === null) return
    names.push(user.name)
  })
  const posts = await prisma.post.findMany({ orderBy: { id: "asc" } })
  for (const post of posts) {
    if (post.id > limit) break
    names.push(post.title)
  }
  return [await all(prisma), names]
}

export const cases: unknown[][] = [[3], [1000]]
