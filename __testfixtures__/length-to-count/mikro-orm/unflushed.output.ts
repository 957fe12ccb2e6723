import { type EntityManager, FlushMode } from '@mikro-orm/core';
import { User } from '../../../test/mikro-orm/entities.js';

// Unflushed changes: em.find and em.count both flush the queried entity's
// pending changes first (FlushMode.AUTO), and both read the database as it
// is under FlushMode.COMMIT, so the count matches the loaded rows either way.
export async function run(em: EntityManager, mode: 'auto' | 'commit') {
  const fork = em.fork({ flushMode: mode === 'auto' ? FlushMode.AUTO : FlushMode.COMMIT });
  const bob = await fork.findOneOrFail(User, 2);
  bob.age = 61;
  fork.create(User, { email: 'new@example.com', name: null, age: 70, score: 1, active: true, createdAt: new Date(0), bonus: null, balance: '0' });
  const over60 = await fork.count(User, { age: { $gt: 60 } });
  return over60;
}

export const cases: unknown[][] = [['auto'], ['commit']];
