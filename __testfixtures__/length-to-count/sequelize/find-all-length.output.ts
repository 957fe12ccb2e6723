import { Op } from 'sequelize';
import { User } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, minAge: number) {
  return await User.count({ where: { age: { [Op.gte]: minAge } } });
}

export const cases: unknown[][] = [[0], [30], [1000]];
