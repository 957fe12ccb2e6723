import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, minAge: number) {
  const posts = await Post.findAll({ where: { published: true } });
  return posts.some((p) => p.views > minAge);
}

export const cases: unknown[][] = [[0], [999], [1000]];
