import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, authorId: number) {
  return (await Post.findAll({ where: { authorId } })).reduce((s, p) => s + p.views, 0);
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
