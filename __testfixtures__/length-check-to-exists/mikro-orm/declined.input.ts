import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// An offset asks about rows past it; options it cannot read.
export async function run(em: EntityManager, page: number, opts: { offset?: number }) {
  const paged = (await em.find(User, { active: true }, { offset: page })).length > 0;
  const unread = (await em.find(User, { active: true }, opts)).length === 0;
  return [paged, unread];
}
