import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// No filter, or one it cannot see into: em.findOne rejects an empty where, so a count answers.
export async function run(em: EntityManager, emptyFirst: boolean, where: { published?: boolean }) {
  if (emptyFirst) await em.nativeDelete(Post, {});
  const posts: EntityRepository<Post> = em.getRepository(Post);
  const anyPost = (await em.count(Post)) > 0;
  const noPost = (await posts.count()) === 0;
  const anyMatching = (await em.count(Post, where)) > 0;
  const hasUsers = (await em.count(User, {})) > 0;
  return { anyPost, noPost, anyMatching, noUser: !hasUsers };
}

export const cases: unknown[][] = [[false, {}], [false, { published: false }], [true, { published: true }]];
