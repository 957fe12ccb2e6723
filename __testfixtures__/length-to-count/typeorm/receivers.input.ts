import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Every receiver a TypeORM load comes from. `select` is dropped: since 1.1
// count() counts DISTINCT selected columns (one distinct `active` here), and
// `order` means nothing to a count.
export async function run(dataSource: DataSource, minAge: number) {
  const users = dataSource.getRepository(User);
  const active = (await users.find({ where: { active: true }, order: { id: 'ASC' }, select: { active: true } })).length;
  const published = (await dataSource.manager.getRepository(Post).findBy({ published: true })).length;
  const older = (await dataSource.manager.find(User, { where: { age: MoreThanOrEqual(minAge) }, relations: { posts: true } })).length;
  const manager = dataSource.manager;
  const all = (await manager.find(Post)).length;
  const inTx = await dataSource.transaction(async (em) => {
    const posts = await em.findBy(Post, { authorId: 7 });
    return posts.length;
  });
  return { active, published, older, all, inTx };
}

export const cases: unknown[][] = [[0], [30], [1000]];
