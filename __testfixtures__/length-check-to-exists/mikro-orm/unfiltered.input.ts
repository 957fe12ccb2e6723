import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// No filter, or one it cannot see into: em.findOne rejects an empty where, so a count answers.
export async function run(em: EntityManager, emptyFirst: boolean, where: { published?: boolean }) {
  if (emptyFirst) await em.nativeDelete(Post, {});
  const posts: EntityRepository<Post> = em.getRepository(Post);
  const anyPost = (await em.findAll(Post)).length > 0;
  const noPost = !(await posts.findAll()).length;
  const anyMatching = (await em.find(Post, where)).length !== 0;
  const users = await em.find(User, {});
  return { anyPost, noPost, anyMatching, noUser: users.length === 0 };
}

export const cases: unknown[][] = [[false, {}], [false, { published: false }], [true, { published: true }]];
