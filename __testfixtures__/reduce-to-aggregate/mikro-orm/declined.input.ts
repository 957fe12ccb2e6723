import type { EntityManager } from '@mikro-orm/core';
import { Post } from '../../../test/mikro-orm/entities.js';

// MikroORM's EntityManager has no sum/min/max: a finding points at the QueryBuilder.
export async function run(em: EntityManager) {
  const total = (await em.find(Post, { published: true })).reduce((s, p) => s + p.views, 0);
  const most = (await em.findAll(Post)).reduce((m, p) => Math.max(m, p.views), 0);
  return { total, most };
}
