// None of these is a MikroORM load of which only the first row is used.
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as TypeOrmEntityManager } from 'typeorm';
import { User } from '../../../test/mikro-orm/entities.js';

export async function typeormSide(em: TypeOrmEntityManager) {
  return (await em.find(User, { where: { active: true } }))[0];
}

export async function lookAlikes(em: EntityManager, i: number) {
  const list = [{ id: 1 }, { id: 2 }];
  const a = list.find((x) => x.id === 2); // an array's find
  const b = [...list][0];
  const second = (await em.find(User, { active: true }))[1]; // not the first row
  const any = (await em.find(User, { active: true }))[i];
  const [x, y] = await em.find(User, { age: 30 }); // more than the first row
  const rows = await em.find(User, { age: 25 });
  return { a, b, second, any, x, y, rows }; // rows escape
}
