import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// A cap or an offset applies before the filter; Date and decimal fields; a nullable field under !==;
// a relation read and `||`, which no where entry says.
export async function run(em: EntityManager, since: Date) {
  const capped = (await em.find(User, {}, { limit: 5 })).filter((u) => u.active);
  const paged = (await em.find(User, {}, { offset: 2 })).filter((u) => u.active);
  const recent = (await em.find(User, {})).filter((u) => u.createdAt >= since);
  const rich = (await em.find(User, {})).filter((u) => u.balance === '100.5');
  const notBob = (await em.find(User, {})).filter((u) => u.name !== 'Bob');
  const withPosts = (await em.find(User, {})).filter((u) => u.posts.length > 0);
  const either = (await em.find(User, {})).filter((u) => u.active || u.age > 30);
  return [capped, paged, recent, rich, notBob, withPosts, either];
}
