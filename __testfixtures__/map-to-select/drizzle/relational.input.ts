import type { Db } from '../../../test/drizzle/client.js';
import { asc, eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// The relational API: `columns` loads only what the map reads; a config that already shapes its rows is left alone.
export async function run(db: Db, active: boolean) {
  const emails = (await db.query.users.findMany({ where: eq(users.active, active), orderBy: [asc(users.id)] })).map((u) => u.email);
  const titles = (await db.query.posts.findMany({ with: { author: true }, orderBy: [asc(posts.id)] })).map((p) => `${p.title}/${p.author.id}`);
  return { emails, titles };
}

export const cases: unknown[][] = [[true], [false]];
