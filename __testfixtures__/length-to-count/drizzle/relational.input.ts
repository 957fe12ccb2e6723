import type { Db } from '../../../test/drizzle/client.js';

// The relational API has no count: reported, with the select API's $count as the fix.
export async function run(db: Db) {
  return (await db.query.users.findMany()).length;
}
