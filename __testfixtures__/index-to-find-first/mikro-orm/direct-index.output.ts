import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// The first row of an ordered load, or undefined: [0], .at(0), destructuring.
export async function run(em: EntityManager, authorId: number) {
  const newest = ((await em.findOne(Post, { author: authorId, published: true }, { orderBy: { id: 'desc' } })) ?? undefined)!;
  const quietest = ((await em.findOne(Post, { author: authorId }, { orderBy: [{ views: 'asc' }, { id: 'asc' }] })) ?? undefined)!;
  const oldest = ((await em.findOne(User, { age: { $gte: authorId * 10 } }, { orderBy: { createdAt: 'asc', id: 'asc' } })) ?? undefined)!;
  const third = ((await em.findOne(Post, { published: true }, { orderBy: { id: 'asc' }, offset: authorId })) ?? undefined)!;
  return { newest, quietest, oldest, third };
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
