// None of these is a MikroORM load walked in a loop.
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as TypeOrmEntityManager } from 'typeorm';
import { User } from '../../../test/mikro-orm/entities.js';

export async function typeormSide(em: TypeOrmEntityManager) {
  for (const user of await em.find(User, {})) console.log(user.id);
}

export async function lookAlikes(em: EntityManager, ids: number[]) {
  for (const x of [1, 2, 3].filter((n) => n > 1)) console.log(x); // an array
  for (const user of await em.find(User, { id: { $in: ids } })) console.log(user.id); // bounded by a key list
  for (const user of await em.find(User, { email: 'alice@example.com' })) console.log(user.id); // a unique field pinned
}
