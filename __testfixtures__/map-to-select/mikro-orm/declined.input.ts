import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// `fields: [...]` would leave partially loaded entities in the identity map,
// which a later em.populate() takes as loaded: declined with a finding.
export async function run(em: EntityManager, minAge: number) {
  const emails = (await em.find(User, { age: { $gte: minAge } }, { orderBy: { id: 'asc' } })).map((u) => u.email);
  const users = await em.findAll(User);
  return { emails, names: users.map((u) => u.name) };
}
