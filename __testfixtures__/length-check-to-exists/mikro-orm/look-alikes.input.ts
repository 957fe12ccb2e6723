// None of these is a MikroORM load tested only for emptiness.
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as TypeOrmEntityManager } from 'typeorm';
import { User } from '../../../test/mikro-orm/entities.js';

export async function typeormSide(em: TypeOrmEntityManager) {
  return (await em.find(User, { where: { active: true } })).length > 0;
}

export async function lookAlikes(em: EntityManager) {
  const list = [{ id: 1 }];
  const a = list.filter((x) => x.id === 1).length > 0; // an array
  const b = (await Promise.resolve(list)).length === 0;
  const rows = await em.find(User, { active: true });
  const c = rows.length > 0 ? rows : []; // rows used otherwise
  return [a, b, c];
}
