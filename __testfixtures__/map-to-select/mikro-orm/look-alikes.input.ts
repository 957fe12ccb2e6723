// None of these is a MikroORM load mapped to fields.
import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

export async function lookAlikes(em: EntityManager) {
  const a = [{ email: 'x' }].map((u) => u.email); // an array
  const b = (await em.find(User, {})).map((u) => u); // the whole row
  const c = (await em.find(User, {})).map((u) => JSON.stringify(u)); // passed on
  return [a, b, c];
}
