import { MoreThanOrEqual, type DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Every receiver a TypeORM load comes from. `select` is dropped: since 1.1
// count() counts DISTINCT selected columns (one distinct `active` here), and
// `order` means nothing to a count.
export async function run(dataSource: DataSource, minAge: number) {
  const users = dataSource.getRepository(User);
  const active = await users.count({ where: { active: true } });
  const published = await dataSource.manager.getRepository(Post).countBy({ published: true });
  const older = await dataSource.manager.count(User, { where: { age: MoreThanOrEqual(minAge) }, relations: { posts: true } });
  const manager = dataSource.manager;
  const all = await manager.count(Post);
  const inTx = await dataSource.transaction(async (em) => {
    const postsCount = await em.countBy(Post, { authorId: 7 });
    return postsCount;
  });
  return { active, published, older, all, inTx };
}

export const cases: unknown[][] = [[0], [30], [1000]];
