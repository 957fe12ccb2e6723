import type { EntityManager } from '@mikro-orm/core';
import { Post, User } from '../../../test/mikro-orm/entities.js';

// NULL tests: `=== null`, `!== null`, and an ordering made safe by a `!== null` first.
export async function run(em: EntityManager, minRating: number) {
  const unnamed = (await em.find(User, {}, { orderBy: { id: 'asc' } })).filter((u) => u.name === null);
  const named = (await em.find(User, {}, { orderBy: { id: 'asc' } })).filter((u) => u.name !== null);
  const rated = (await em.find(Post, {}, { orderBy: { id: 'asc' } })).filter((p) => p.rating !== null && p.rating >= minRating);
  const bonusNotOne = (await em.find(User, {}, { orderBy: { id: 'asc' } })).filter((u) => u.bonus !== null && u.bonus !== 1);
  return { unnamed: unnamed.map((u) => u.id), named: named.map((u) => u.id), rated: rated.map((p) => p.id), bonusNotOne: bonusNotOne.map((u) => u.id) };
}

export const cases: unknown[][] = [[0], [4], [5.5]];
