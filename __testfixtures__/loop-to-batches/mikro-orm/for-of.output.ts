import type { EntityManager, EntityRepository } from '@mikro-orm/better-sqlite';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// Loops that only read the rows: each batch is dropped from the identity map once walked.
export async function run(em: EntityManager, minAge: number) {
  const seen: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await em.find(User, { $and: [{ age: { $gte: minAge } }, after === undefined ? {} : { id: { $gt: after } }] }, { orderBy: { id: 'asc' }, limit: 2 });
    for (const user of batch) {
      seen.push(`${user.id}:${user.name ?? '-'}`);
    }
    em.clear();
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: number | undefined; ; ) {
    const batch = await em.find(Post, after === undefined ? {} : { id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: 2 });
    for (const post of batch) {
      if (post.views > 100) seen.push(`popular ${post.title}`);
    }
    em.clear();
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  const posts: EntityRepository<Post> = em.getRepository(Post);
  for (let after: number | undefined; ; ) {
    const batch = await posts.find({ $and: [{ published: false }, after === undefined ? {} : { id: { $gt: after } }] }, { orderBy: { id: 'asc' }, limit: 2 });
    for (const post of batch) seen.push(`draft ${post.id}`);
    em.clear();
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen;
}

export const cases: unknown[][] = [[0], [30], [99]];
