import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, minViews: number) {
  const posts = await Post.find({ published: true }).lean();
  return posts.some((p) => p.views > minViews);
}

export const cases: unknown[][] = [[0], [999], [1000]];
