import type { EntityManager } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

declare function notify(user: User): Promise<void>;

// Loops that write (em.clear() per batch would drop their changes), an order that is not the key, a cap.
export async function run(em: EntityManager) {
  for (const user of await em.find(User, { active: false })) {
    user.active = true;
  }
  await em.flush();
  for (const user of await em.find(User, { active: true })) {
    em.persist(em.create(User, { ...user, id: undefined, email: `copy-${user.email}` }));
  }
  for (const user of await em.find(User, { age: { $gt: 40 } })) {
    await notify(user);
  }
  const kept: User[] = [];
  for (const user of await em.find(User, { age: 30 })) kept.push(user);
  for (const user of await em.find(User, {}, { orderBy: { age: 'asc' } })) console.log(user.id);
  for (const user of await em.find(User, {}, { limit: 10 })) console.log(user.id);
  const rows = await em.find(User, { active: true });
  for (const user of rows) console.log(user.id);
  return [kept, rows]; // rows used besides the loop
}
