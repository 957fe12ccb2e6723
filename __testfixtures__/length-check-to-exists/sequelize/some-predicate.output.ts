import { User, Post } from '../../../test/sequelize/models.js';
import { Op } from 'sequelize';

export async function run(_models: unknown, minAge: number) {
  const hasMatchingPosts = (await Post.findOne({ where: { published: true, views: { [Op.gt]: minAge } }, attributes: ['id'] })) !== null;
  return hasMatchingPosts;
}

export const cases: unknown[][] = [[0], [999], [1000]];
