import type { Db } from '../../../test/drizzle/client.js';
import { gte } from 'drizzle-orm';
import { users } from '../../../test/drizzle/schema.js';

// Two maps over one binding: the select loads the union of what they read.
export async function run(db: Db, minAge: number) {
  const grown = await db.select({ email: users.email, id: users.id, name: users.name }).from(users).where(gte(users.age, minAge));
  const emails = grown.map((u) => u.email);
  const labels = grown.map(({ id, name }) => `${id}:${name ?? '?'}`);
  return { emails, labels };
}

export const cases: unknown[][] = [[0], [40], [1000]];
