import { MoreThan, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// The first row through each receiver. findOne returns null where `[0]` gave
// undefined (`?? undefined` keeps it), throws without a `where` (an empty
// `where: {}` filters nothing), and sets take: 1 itself (a positive take goes).
export async function run(dataSource: DataSource, authorId: number) {
  const posts = dataSource.getRepository(Post);
  const newest = (await posts.find({ where: { authorId, published: true }, order: { id: 'DESC' }, take: 5 }))[0];
  const [oldest] = await dataSource.manager.find(Post, { where: { authorId }, order: { views: 'ASC', id: 'ASC' } });
  const mostViewed = (await posts.find({ order: { views: 'DESC', id: 'ASC' } }))[0];
  const author = (await dataSource.getRepository(User).findBy({ id: authorId }))[0];
  const elder = await dataSource.transaction(async (em) => {
    const rows = await em.find(User, { where: { age: MoreThan(authorId * 5) }, order: { age: 'DESC', id: 'ASC' } });
    return rows[0]?.email;
  });
  return { newest, oldest, mostViewed, author, elder };
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
