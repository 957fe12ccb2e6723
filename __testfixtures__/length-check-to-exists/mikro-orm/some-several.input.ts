import type { EntityManager } from '@mikro-orm/core';
import { Post } from '../../../test/mikro-orm/entities.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(em: EntityManager, minViews: number) {
  const posts = await em.find(Post, { published: true });
  const popular = posts.some((p) => p.views >= minViews);
  const quiet = !posts.some((p) => p.views < minViews);
  return { popular, quiet, any: posts.length > 0 };
}

export const cases: unknown[][] = [[1000], [1001], [0], [3_000_000_000]];
