import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Rows that serve only aggregates, their count and `sum / rows.length`: TypeORM has one
// method per aggregate, so they become one query each, run together. No rows give what
// the JavaScript gave (0, -Infinity, Infinity, NaN).
export async function run(dataSource: DataSource, published: boolean, minViews: number) {
  const postsAggregate = await Promise.all([dataSource.getRepository(Post).sum('views', { published, views: MoreThanOrEqual(minViews) }), dataSource.getRepository(Post).maximum('views', { published, views: MoreThanOrEqual(minViews) }), dataSource.getRepository(Post).minimum('views', { published, views: MoreThanOrEqual(minViews) }), dataSource.getRepository(Post).average('views', { published, views: MoreThanOrEqual(minViews) }), dataSource.getRepository(Post).count({ where: { published, views: MoreThanOrEqual(minViews) } })]);
  const total = postsAggregate[0] ?? 0;
  const most = postsAggregate[1] ?? -Infinity;
  const least = postsAggregate[2] ?? Infinity;
  const mean = postsAggregate[3] ?? NaN;
  const usersAggregate = await dataSource.manager.average(User, 'age', { age: MoreThanOrEqual(minViews) });
  return { total, most, least, mean, n: postsAggregate[4], ages: usersAggregate ?? NaN };
}

// The seed's published posts include views of 2,000,000,000 twice (their sum is past 32 bits).
export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55], [true, 41]];
