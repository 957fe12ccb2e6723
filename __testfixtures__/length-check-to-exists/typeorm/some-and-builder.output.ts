import type { DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';
import { MoreThanOrEqual } from 'typeorm';

// `.some(pred)` joins the where (review: the database compares strings by its
// collation); a query builder's emptiness is getExists().
export async function run(dataSource: DataSource, email: string, minViews: number) {
  const users = dataSource.getRepository(User);
  const taken = await users.exists({ where: { active: true, email } });
  const popular = await dataSource.getRepository(Post).exists({ where: { views: MoreThanOrEqual(minViews), published: true } });
  const viaBuilder = await dataSource.manager.createQueryBuilder(Post, 'p').where('p.views >= :minViews', { minViews }).getExists();
  return { taken, popular, viaBuilder };
}

export const cases: unknown[][] = [['alice@example.com', 100], ['carol@example.com', 1000], ['nobody@example.com', 5000]];
