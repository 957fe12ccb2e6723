import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// em.find(E, where, opts) and em.findAll(E, opts) counted with .length.
export async function run(em: EntityManager, minAge: number) {
  const adults = (await em.find(User, { age: { $gte: minAge } })).length;
  const ordered = (await em.find(User, { active: true }, { orderBy: { age: 'desc' } })).length;
  const everyone = (await em.findAll(User)).length;
  const published = (await em.findAll(Post, { where: { published: true } })).length;
  const viaRelation = (await em.find(User, { posts: { views: { $gt: minAge } } })).length;
  return { adults, ordered, everyone, published, viaRelation };
}

export const cases: unknown[][] = [[0], [30], [1000]];
