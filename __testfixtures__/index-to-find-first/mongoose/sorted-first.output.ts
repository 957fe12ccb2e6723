import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, published: boolean) {
  const newest = ((await Post.findOne({ published }).sort({ views: -1, _id: -1 })) ?? undefined)!;
  return newest?.title;
}

export const cases: unknown[][] = [[true], [false]];
