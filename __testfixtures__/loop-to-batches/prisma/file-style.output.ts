import type { PrismaClient } from "../../../test/prisma/generated/client.js"

// A file written without semicolons and with double quotes gets the batch
// loop in its own style.
export async function all(prisma: PrismaClient) {
  const emails: string[] = []
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: 2,
    })
    for (const user of batch) {
      emails.push(user.email)
    }
    if (batch.length < 2) break
    after = batch[batch.length - 1]!.id
  }
  return emails
}

export async function run(prisma: PrismaClient, limit: number) {
  const names: string[] = []
  for (let after: number | undefined; ; ) {
    const batch = await prisma.user.findMany({
      where: { AND: [{ active: true }, after === undefined ? {} : { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: 2,
    })
    for (const user of batch) {
      if (user.name === null) continue
      names.push(user.name)
    }
    if (batch.length < 2) break
    after = batch[batch.length - 1]!.id
  }
  batches: for (let after: number | undefined; ; ) {
    const batch = await prisma.post.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: 2,
    })
    for (const post of batch) {
      if (post.id > limit) break batches
      names.push(post.title)
    }
    if (batch.length < 2) break
    after = batch[batch.length - 1]!.id
  }
  return [await all(prisma), names]
}

export const cases: unknown[][] = [[3], [1000]]
