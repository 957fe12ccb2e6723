import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// `.some` with literal values: the predicate joins the where.
export async function run(em: EntityManager) {
  const anyAlice = (await em.findOne(User, { active: true, name: 'Alice' })) !== null;
  const anyLowercaseIvan = (await em.findOne(User, { name: 'Ivan' })) !== null;
  const noTeenager = (await em.findOne(User, { age: { $lt: 20 }, active: true })) === null;
  const anyUnrated = (await em.findOne(Post, { published: true, rating: null })) !== null;
  return { anyAlice, anyLowercaseIvan, noTeenager, anyUnrated };
}
