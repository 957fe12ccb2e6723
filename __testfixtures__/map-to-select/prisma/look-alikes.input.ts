import type { PrismaClient } from '../../../test/prisma/generated/client.js';
import { drizzle } from 'drizzle-orm/node-postgres';

declare const repo: { findMany(): Promise<{ email: string }[]> };
const db = drizzle(process.env.DATABASE_URL!);

// Not Prisma loads: plain arrays, another ORM, a repository object.
export async function lookAlikes(prisma: PrismaClient) {
  const list = [{ email: 'a' }, { email: 'b' }];
  const emails = list.map((u) => u.email);
  const fromRepo = (await repo.findMany()).map((u) => u.email);
  const fromDrizzle = (await db.query.users.findMany()).map((u) => u.email);
  const fromCache = (await Promise.resolve(list)).map((u) => u.email);
  // Prisma, but not a findMany.
  const one = await prisma.user.findUnique({ where: { id: 1 } });
  return [emails, fromRepo, fromDrizzle, fromCache, one?.email];
}
