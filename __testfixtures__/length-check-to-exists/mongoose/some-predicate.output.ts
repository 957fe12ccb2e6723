import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, minViews: number) {
  const hasMatchingPosts = (await Post.findOne({ published: true, views: { $gt: minViews } }, { _id: 1 }).lean()) !== null;
  return hasMatchingPosts;
}

export const cases: unknown[][] = [[0], [999], [1000]];
