import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// sum/minimum/maximum(column, where) return null on no rows (`?? 0`,
// `?? -Infinity`, `?? Infinity` keep what reduce and Math gave). Only
// number-typed, non-nullable columns: TypeORM's types accept no other.
export async function run(dataSource: DataSource, published: boolean, minViews: number) {
  const posts = dataSource.getRepository(Post);
  const views = (await posts.find({ where: { published, views: MoreThanOrEqual(minViews) }, order: { id: 'ASC' } })).reduce((s, p) => s + p.views, 0);
  const most = Math.max(...(await dataSource.manager.findBy(Post, { published })).map((p) => p.views));
  const users = await dataSource.manager.getRepository(User).find({ where: { age: MoreThanOrEqual(minViews) } });
  const lowest = Math.min(...users.map(({ score }) => score));
  const ages = await dataSource.transaction(async (em) => (await em.find(User)).reduce((acc, u) => acc + u.age, 10));
  return { views, most, lowest, ages };
}

export const cases: unknown[][] = [[true, 0], [false, 5], [true, 5000], [false, 55]];
