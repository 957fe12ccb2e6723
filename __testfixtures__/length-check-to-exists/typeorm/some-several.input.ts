import type { DataSource } from 'typeorm';
import { Post } from '../../../test/typeorm/entities.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(dataSource: DataSource, authorId: number, minViews: number) {
  const posts = await dataSource.getRepository(Post).find({ where: { published: true } });
  const popular = posts.some((p) => p.authorId === authorId && p.views >= minViews);
  const quiet = !posts.some((p) => p.views < minViews);
  return { popular, quiet, any: posts.length > 0 };
}

export const cases: unknown[][] = [[7, 1000], [7, 1001], [6, 0], [4, 0], [1, 3_000_000_000]];
