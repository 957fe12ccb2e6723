import { User, Post } from '../../../test/mongoose/models.js';

export async function run(_models: unknown, published: boolean) {
  return (await Post.find({ published }).lean()).reduce((s, p) => s + p.views, 0);
}

export const cases: unknown[][] = [[true], [false]];
