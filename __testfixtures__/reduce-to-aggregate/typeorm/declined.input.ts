import type { DataSource } from 'typeorm';
import { Post } from '../../../test/typeorm/entities.js';

export async function declined(dataSource: DataSource) {
  const posts = dataSource.getRepository(Post);
  // rating is nullable: TypeORM's sum() accepts only number-typed columns
  const ratings = (await posts.find()).reduce((s, p) => s + (p.rating ?? 0), 0);
  const firstTen = (await posts.find({ order: { id: 'ASC' }, take: 10 })).reduce((s, p) => s + p.views, 0); // a page
  const built = (await posts.createQueryBuilder('p').getMany()).reduce((s, p) => s + p.views, 0); // a query builder: sum by hand
  const byActive = (await posts.find({ where: { author: { active: true } } })).reduce((s, p) => s + p.views, 0); // a join would repeat rows
  return [ratings, firstTen, built, byActive];
}
