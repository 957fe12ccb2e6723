import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// The first row of an ordered load, or undefined: [0], .at(0), destructuring.
export async function run(em: EntityManager, authorId: number) {
  const newest = (await em.find(Post, { author: authorId, published: true }, { orderBy: { id: 'desc' }, limit: 5 }))[0];
  const quietest = (await em.find(Post, { author: authorId }, { orderBy: [{ views: 'asc' }, { id: 'asc' }] })).at(0);
  const [oldest] = await em.find(User, { age: { $gte: authorId * 10 } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const third = (await em.find(Post, { published: true }, { orderBy: { id: 'asc' }, offset: authorId }))[0];
  return { newest, quietest, oldest, third };
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
