import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Rows that serve only aggregates, their count and `sum / rows.length`: TypeORM has one
// method per aggregate, so they become one query each, run together. No rows give what
// the JavaScript gave (0, -Infinity, Infinity, NaN).
export async function run(dataSource: DataSource, published: boolean, minViews: number) {
  const posts = await dataSource.getRepository(Post).find({ where: { published, views: MoreThanOrEqual(minViews) } });
  const total = posts.reduce((s, p) => s + p.views, 0);
  const most = Math.max(...posts.map((p) => p.views));
  const least = Math.min(...posts.map(({ views }) => views));
  const mean = posts.reduce((s, p) => s + p.views, 0) / posts.length;
  const users = await dataSource.manager.findBy(User, { age: MoreThanOrEqual(minViews) });
  return { total, most, least, mean, n: posts.length, ages: users.reduce((s, u) => s + u.age, 0) / users.length };
}

// The seed's published posts include views of 2,000,000,000 twice (their sum is past 32 bits).
export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55], [true, 41]];
