// None of these is a MikroORM load filtered in memory.
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as TypeOrmEntityManager } from 'typeorm';
import { User } from '../../../test/mikro-orm/entities.js';

export async function typeormSide(em: TypeOrmEntityManager) {
  return (await em.find(User, {})).filter((u) => u.active);
}

export async function lookAlikes(em: EntityManager) {
  const list = [{ active: true }];
  const a = list.filter((x) => x.active); // an array
  const users = await em.find(User, {});
  const b = users.filter((u) => u.active);
  return [a, b, users]; // rows used besides the filter
}
