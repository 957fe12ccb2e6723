import type { Db } from '../../../test/drizzle/client.js';
import { users } from '../../../test/drizzle/schema.js';

// A reduce over a limited load, without an initial value, over a nullable field with Math.max, over a plain array.
export async function run(db: Db, list: number[]) {
  const firstThree = (await db.select().from(users).limit(3)).reduce((s, u) => s + u.age, 0);
  const noInit = (await db.select().from(users)).map((u) => u.age).reduce((a, b) => a + b);
  const plain = list.reduce((s, n) => s + n, 0);
  return { firstThree, noInit, plain };
}
