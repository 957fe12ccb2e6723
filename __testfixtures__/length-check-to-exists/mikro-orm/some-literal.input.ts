import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// `.some` with literal values: the predicate joins the where.
export async function run(em: EntityManager) {
  const anyAlice = (await em.find(User, { active: true })).some((u) => u.name === 'Alice');
  const anyLowercaseIvan = (await em.findAll(User)).some((u) => u.name === 'Ivan');
  const noTeenager = !(await em.findAll(User)).some((u) => u.age < 20 && u.active);
  const anyUnrated = (await em.find(Post, { published: true })).some((p) => p.rating === null);
  return { anyAlice, anyLowercaseIvan, noTeenager, anyUnrated };
}
