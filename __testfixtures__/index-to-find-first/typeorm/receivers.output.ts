import { MoreThan, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// The first row through each receiver. findOne returns null where `[0]` gave
// undefined (`?? undefined` keeps it), throws without a `where` (an empty
// `where: {}` filters nothing), and sets take: 1 itself (a positive take goes).
export async function run(dataSource: DataSource, authorId: number) {
  const posts = dataSource.getRepository(Post);
  const newest = ((await posts.findOne({ where: { authorId, published: true }, order: { id: 'DESC' } })) ?? undefined)!;
  const oldest = ((await dataSource.manager.findOne(Post, { where: { authorId }, order: { views: 'ASC', id: 'ASC' } })) ?? undefined)!;
  const mostViewed = ((await posts.findOne({ order: { views: 'DESC', id: 'ASC' }, where: {} })) ?? undefined)!;
  const author = ((await dataSource.getRepository(User).findOneBy({ id: authorId })) ?? undefined)!;
  const elder = await dataSource.transaction(async (em) => {
    const firstRow = await em.findOne(User, { where: { age: MoreThan(authorId * 5) }, order: { age: 'DESC', id: 'ASC' } });
    return firstRow?.email;
  });
  return { newest, oldest, mostViewed, author, elder };
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
