import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// em.findOne rejects an empty where; a cap of 0 or one it cannot read; the last row.
export async function run(em: EntityManager, where: { active?: boolean }, cap: number) {
  const anyone = (await em.findAll(User, { orderBy: { id: 'asc' } }))[0];
  const blank = (await em.find(User, {}, { orderBy: { id: 'asc' } }))[0];
  const opaque = (await em.find(User, where))[0];
  const none = (await em.find(User, { active: true }, { limit: 0 }))[0];
  const capped = (await em.find(User, { active: true }, { limit: cap }))[0];
  const last = (await em.find(User, { active: true }, { orderBy: { id: 'asc' } })).at(-1);
  return [anyone, blank, opaque, none, capped, last];
}
