import type { DataSource } from 'typeorm';
import { Post, User } from '../../../test/typeorm/entities.js';

// Query builders ending in getMany(): getCount() counts DISTINCT primary keys,
// so a join that repeats a user still counts it once, as getMany() returns it once.
export async function run(dataSource: DataSource, minAge: number) {
  const older = await dataSource.getRepository(User).createQueryBuilder('u').where('u.age >= :minAge', { minAge }).getCount();
  const writers = await dataSource
    .createQueryBuilder(User, 'u')
    .innerJoinAndSelect('u.posts', 'p')
    .where('p.views > :views', { views: minAge })
    .orderBy('u.id', 'DESC')
    .getCount();
  const draftsCount = await dataSource.manager.createQueryBuilder(Post, 'p').where('p.published = :published', { published: false }).getCount();
  return { older, writers, drafts: draftsCount };
}

export const cases: unknown[][] = [[0], [30], [1000]];
