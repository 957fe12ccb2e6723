import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// NULL tests: `=== null`, `!== null`, and an ordering made safe by a `!== null` first.
export async function run(em: EntityManager, minRating: number) {
  const unnamed = await em.find(User, { name: null }, { orderBy: { id: 'asc' } });
  const named = await em.find(User, { name: { $ne: null } }, { orderBy: { id: 'asc' } });
  const rated = await em.find(Post, { rating: { $gte: minRating } }, { orderBy: { id: 'asc' } });
  const bonusNotOne = await em.find(User, { bonus: { $ne: 1 } }, { orderBy: { id: 'asc' } });
  return { unnamed: unnamed.map((u) => u.id), named: named.map((u) => u.id), rated: rated.map((p) => p.id), bonusNotOne: bonusNotOne.map((u) => u.id) };
}

export const cases: unknown[][] = [[0], [4], [5.5]];
