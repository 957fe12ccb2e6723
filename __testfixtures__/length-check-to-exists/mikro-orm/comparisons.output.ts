import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// Every comparison that only asks "any rows?" or "no rows?", in both operand orders.
export async function run(em: EntityManager, minAge: number) {
  return [
    (await em.findOne(User, { age: { $gte: minAge } })) !== null,
    (await em.findOne(User, { age: { $gte: minAge } })) !== null,
    (await em.findOne(User, { age: { $gte: minAge } })) !== null,
    (await em.findOne(User, { age: { $gte: minAge } })) !== null,
    (await em.findOne(User, { age: { $gte: minAge }, active: false })) === null,
    (await em.findOne(User, { age: { $gte: minAge } })) === null,
  ];
}

// several rows, exactly one (only user 12 is 60), none
export const cases: unknown[][] = [[0], [60], [1000]];
