import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, published: boolean) {
  const newest = (await Post.find({ published }).sort({ views: -1, _id: -1 }))[0];
  return newest?.title;
}

export const cases: unknown[][] = [[true], [false]];
