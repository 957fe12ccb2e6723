import { gte } from 'drizzle-orm';
import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

export async function run(db: Db, minAge: number) {
  return await db.$count(users, gte(users.age, minAge));
}

export const cases: unknown[][] = [[0], [30], [1000]];
