import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db, active: boolean) {
  return (await db.select().from(users).where(eq(users.active, active))).map((u) => `${u.email}:${u.name ?? '-'}`);
}

export const cases: unknown[][] = [[true], [false]];
