import type { DataSource } from 'typeorm';
import { Post } from '../../../test/typeorm/entities.js';
import { MoreThanOrEqual, LessThan } from 'typeorm';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(dataSource: DataSource, authorId: number, minViews: number) {
  const hasPosts = await dataSource.getRepository(Post).exists({ where: { published: true } });
  const hasMatchingPosts = await dataSource.getRepository(Post).exists({ where: { published: true, authorId, views: MoreThanOrEqual(minViews) } });
  const hasMatchingPosts2 = await dataSource.getRepository(Post).exists({ where: { published: true, views: LessThan(minViews) } });
  const popular = hasMatchingPosts;
  const quiet = !hasMatchingPosts2;
  return { popular, quiet, any: hasPosts };
}

export const cases: unknown[][] = [[7, 1000], [7, 1001], [6, 0], [4, 0], [1, 3_000_000_000]];
