import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, published: boolean) {
  return ((await Post.aggregate<{ sum: number }>([{ $match: { published } }, { $group: { _id: null, sum: { $sum: '$views' } } }]))[0]?.sum) ?? 0;
}

export const cases: unknown[][] = [[true], [false]];
