import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, minViews: number) {
  const hasMatchingPosts = (await Post.exists({ published: true, views: { $gt: minViews } })) !== null;
  return hasMatchingPosts;
}

export const cases: unknown[][] = [[0], [999], [1000]];
