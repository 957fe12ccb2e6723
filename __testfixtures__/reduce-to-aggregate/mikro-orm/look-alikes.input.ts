// None of these is a MikroORM load summed in memory.
import type { EntityManager } from '@mikro-orm/core';
import { Post } from '../../../test/mikro-orm/entities.js';

export async function lookAlikes(em: EntityManager) {
  const a = [1, 2, 3].reduce((s, n) => s + n, 0); // an array
  const posts = await em.find(Post, {});
  const b = posts.reduce((s, p) => s + p.views, 0);
  return [a, b, posts]; // rows used besides the sum
}
