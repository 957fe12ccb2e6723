import { Post } from '../../../test/mongoose/models.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(_models: unknown, minViews: number) {
  const hasPosts = (await Post.findOne({ published: true }, { _id: 1 }).lean()) !== null;
  const hasMatchingPosts = (await Post.findOne({ published: true, views: { $gte: minViews } }, { _id: 1 }).lean()) !== null;
  const hasMatchingPosts2 = (await Post.findOne({ published: true, views: { $lt: minViews } }, { _id: 1 }).lean()) !== null;
  const popular = hasMatchingPosts;
  const quiet = !hasMatchingPosts2;
  return { popular, quiet, any: hasPosts };
}

export const cases: unknown[][] = [[1000], [1001], [0], [3_000_000_000]];
