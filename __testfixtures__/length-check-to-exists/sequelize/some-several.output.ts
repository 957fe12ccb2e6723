import { Post } from '../../../test/sequelize/models.js';
import { Op } from 'sequelize';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(_models: unknown, minViews: number) {
  const hasPosts = (await Post.findOne({ where: { published: true }, attributes: ['id'] })) !== null;
  const hasMatchingPosts = (await Post.findOne({ where: { published: true, views: { [Op.gte]: minViews } }, attributes: ['id'] })) !== null;
  const hasMatchingPosts2 = (await Post.findOne({ where: { published: true, views: { [Op.lt]: minViews } }, attributes: ['id'] })) !== null;
  const popular = hasMatchingPosts;
  const quiet = !hasMatchingPosts2;
  return { popular, quiet, any: hasPosts };
}

export const cases: unknown[][] = [[1000], [1001], [0], [3_000_000_000]];
