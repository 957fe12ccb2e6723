import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// Every comparison that only asks "any rows?" or "no rows?", in both operand orders.
export async function run(em: EntityManager, minAge: number) {
  return [
    (await em.find(User, { age: { $gte: minAge } })).length > 0,
    (await em.find(User, { age: { $gte: minAge } }, { orderBy: { id: 'asc' } })).length !== 0,
    (await em.find(User, { age: { $gte: minAge } }, { populate: ['posts'] })).length >= 1,
    0 < (await em.find(User, { age: { $gte: minAge } }, { limit: 3 })).length,
    (await em.find(User, { age: { $gte: minAge }, active: false })).length === 0,
    1 > (await em.find(User, { age: { $gte: minAge } })).length,
  ];
}

// several rows, exactly one (only user 12 is 60), none
export const cases: unknown[][] = [[0], [60], [1000]];
