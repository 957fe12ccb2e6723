import type { EntityManager } from '@mikro-orm/core';
import { Post } from '../../../test/mikro-orm/entities.js';

// Rows bound to a name and only counted; populate and orderBy do not change how many.
export async function run(em: EntityManager, authorId: number) {
  const posts = await em.find(Post, { author: authorId }, { populate: ['author'], orderBy: { id: 'asc' } });
  return posts.length;
}

export const cases: unknown[][] = [[1], [4], [999]];
