import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// Several uses that read only named fields: declined with a finding, as a map is.
export async function run(em: EntityManager, minAge: number) {
  const users = await em.find(User, { age: { $gte: minAge } }, { orderBy: { id: 'asc' } });
  const found = users.find((u) => u.active);
  return { n: users.length, ids: users.map((u) => u.id), found: found?.email };
}
