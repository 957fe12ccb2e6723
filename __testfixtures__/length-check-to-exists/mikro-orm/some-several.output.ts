import type { EntityManager } from '@mikro-orm/core';
import { Post } from '../../../test/mikro-orm/entities.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(em: EntityManager, minViews: number) {
  const hasPosts = (await em.findOne(Post, { published: true })) !== null;
  const hasMatchingPosts = (await em.findOne(Post, { published: true, views: { $gte: minViews } })) !== null;
  const hasMatchingPosts2 = (await em.findOne(Post, { published: true, views: { $lt: minViews } })) !== null;
  const popular = hasMatchingPosts;
  const quiet = !hasMatchingPosts2;
  return { popular, quiet, any: hasPosts };
}

export const cases: unknown[][] = [[1000], [1001], [0], [3_000_000_000]];
