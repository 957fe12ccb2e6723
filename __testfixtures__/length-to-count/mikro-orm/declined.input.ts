import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// em.count ignores limit and offset, and options it cannot read may hold them.
export async function run(em: EntityManager, page: number, opts: { limit?: number }) {
  const capped = (await em.find(User, { active: true }, { limit: 5 })).length;
  const paged = (await em.find(User, {}, { offset: page })).length;
  const unread = (await em.find(User, {}, opts)).length;
  const firstTwo = (await em.findAll(User, { limit: 2 })).length;
  return [capped, paged, unread, firstTwo];
}
