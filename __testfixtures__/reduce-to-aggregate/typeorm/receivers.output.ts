import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// sum/minimum/maximum(column, where) return null on no rows (`?? 0`,
// `?? -Infinity`, `?? Infinity` keep what reduce and Math gave). Only
// number-typed, non-nullable columns: TypeORM's types accept no other.
export async function run(dataSource: DataSource, published: boolean, minViews: number) {
  const posts = dataSource.getRepository(Post);
  const views = (await posts.sum('views', { published, views: MoreThanOrEqual(minViews) })) ?? 0;
  const most = (await dataSource.manager.maximum(Post, 'views', { published })) ?? -Infinity;
  const minScore = (await dataSource.manager.getRepository(User).minimum('score', { age: MoreThanOrEqual(minViews) })) ?? Infinity;
  const lowest = minScore;
  const ages = await dataSource.transaction(async (em) => 10 + ((await em.sum(User, 'age')) ?? 0));
  return { views, most, lowest, ages };
}

export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55]];
