import type { Knex } from 'knex';
import type { Kysely } from 'kysely';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

// Other libraries' builders read much like a select chain: none is a Drizzle load.
export async function run(knex: Knex, kysely: Kysely<{ users: { id: number } }>, users: { id: number }) {
  const a = (await knex.select('*').from('users')).length;
  const b = (await kysely.selectFrom('users').selectAll().execute()).length;
  const c = (await prisma.user.findMany()).length;
  const db = prisma;
  const d = (await (db as unknown as { select(): { from(t: unknown): Promise<unknown[]> } }).select().from(users)).length;
  return { a, b, c, d };
}
