import type { PrismaClient } from '../../../test/prisma/generated/client.js';

// Emptiness past an offset or a cursor, and a take that may be 0: declined with a finding.
export async function run(prisma: PrismaClient, page: number, take: number) {
  const more = (await prisma.user.findMany({ skip: page * 10 })).length > 0;
  const after = (await prisma.user.findMany({ cursor: { id: 5 }, orderBy: { id: 'asc' } })).length === 0;
  const limited = (await prisma.user.findMany({ take })).length > 0;
  const empty = (await prisma.user.findMany({ take: 0 })).length === 0;
  return { more, after, limited, empty };
}
