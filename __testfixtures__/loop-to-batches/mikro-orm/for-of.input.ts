import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// Loops that only read the rows: each batch is dropped from the identity map once walked.
export async function run(em: EntityManager, minAge: number) {
  const seen: string[] = [];
  for (const user of await em.find(User, { age: { $gte: minAge } }, { orderBy: { id: 'asc' } })) {
    seen.push(`${user.id}:${user.name ?? '-'}`);
  }
  for (const post of await em.findAll(Post)) {
    if (post.views > 100) seen.push(`popular ${post.title}`);
  }
  const posts: EntityRepository<Post> = em.getRepository(Post);
  for (const post of await posts.find({ published: false })) seen.push(`draft ${post.id}`);
  return seen;
}

export const cases: unknown[][] = [[0], [30], [99]];
