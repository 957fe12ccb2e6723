import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, published: boolean) {
  const newest = (await Post.findAll({ where: { published }, order: [['views', 'DESC'], ['id', 'DESC']] }))[0];
  return newest?.title;
}

export const cases: unknown[][] = [[true], [false]];
