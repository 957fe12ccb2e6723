import type { EntityManager } from '@mikro-orm/core';
import { Post } from '../../../test/mikro-orm/entities.js';

// Rows bound to a name and only counted; populate and orderBy do not change how many.
export async function run(em: EntityManager, authorId: number) {
  const postsCount = await em.count(Post, { author: authorId });
  return postsCount;
}

export const cases: unknown[][] = [[1], [4], [999]];
