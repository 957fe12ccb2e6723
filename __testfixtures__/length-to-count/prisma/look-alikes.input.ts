// None of these is a Prisma whole-table load whose rows are only counted.
import { drizzle } from 'drizzle-orm/better-sqlite3';

declare const sqlite: unknown;
declare function send(rows: unknown[]): void;

export async function lookAlikes(prisma: any) {
  const orm = drizzle(sqlite as never) as any;
  const a = (await orm.query.users.findMany()).length; // drizzle relational query
  const db = drizzle(sqlite as never) as any;
  const b = (await db.user.findMany()).length; // `db`, but bound to drizzle
  const repo = { user: { findMany: async () => [1, 2] } };
  const c = (await repo.user.findMany()).length; // no link to Prisma
  const users = await prisma.user.findMany();
  send(users); // escapes: the rows are needed anyway
  const d = users.length;
  let posts = await prisma.post.findMany();
  posts = [];
  const e = posts.length; // reassigned
  const pending = prisma.user.findMany(); // not awaited here
  const f = (await pending).length;
  const rows = await prisma.user.findMany();
  rows.length = 0; // written to
  const g = (await prisma.$queryRaw`SELECT 1`) as unknown[];
  return [a, b, c, d, e, f, g.length];
}

export const shared = await prismaTopLevel();
async function prismaTopLevel() {
  return [] as unknown[];
}
