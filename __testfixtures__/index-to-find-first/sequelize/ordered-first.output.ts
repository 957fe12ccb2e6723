import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, published: boolean) {
  const newest = ((await Post.findOne({ where: { published }, order: [['views', 'DESC'], ['id', 'DESC']] })) ?? undefined)!;
  return newest?.title;
}

export const cases: unknown[][] = [[true], [false]];
