import type { Db } from '../../../test/drizzle/client.js';
import { eq } from 'drizzle-orm';
import { posts, users } from '../../../test/drizzle/schema.js';

// A service holding the database as `this.db` (a constructor parameter property), as NestJS apps do.
class UserService {
  constructor(private readonly db: Db) {}

  async activeCount() {
    const rowsCount = await this.db.$count(users, eq(users.active, true));
    return rowsCount;
  }

  async postsOf(authorId: number) {
    return await this.db.$count(posts, eq(posts.authorId, authorId));
  }
}

export async function run(db: Db, authorId: number) {
  const service = new UserService(db);
  return { active: await service.activeCount(), posts: await service.postsOf(authorId) };
}

export const cases: unknown[][] = [[1], [4]];
