import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, authorId: number) {
  return (await Post.sum('views', { where: { authorId } })) ?? 0;
}

export const cases: unknown[][] = [[1], [7], [4], [999]];
