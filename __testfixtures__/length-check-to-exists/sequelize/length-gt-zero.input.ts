import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, age: number) {
  if ((await User.findAll({ where: { age } })).length > 0) return 'some';
  return 'none';
}

export const cases: unknown[][] = [[30], [31]];
