import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// `!p.author` tests a to-one relation (issue 13, class 7: it was described as comparing references with ===).
export async function run(prisma: PrismaClient) {
  return (await prisma.post.findMany({ where: { published: true }, include: { author: true } })).filter((p) => !p.author);
}
