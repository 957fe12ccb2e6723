import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// em.find(E, where, opts) and em.findAll(E, opts) counted with .length.
export async function run(em: EntityManager, minAge: number) {
  const adults = await em.count(User, { age: { $gte: minAge } });
  const ordered = await em.count(User, { active: true });
  const everyone = await em.count(User);
  const published = await em.count(Post, { published: true });
  const viaRelation = await em.count(User, { posts: { views: { $gt: minAge } } });
  return { adults, ordered, everyone, published, viaRelation };
}

export const cases: unknown[][] = [[0], [30], [1000]];
