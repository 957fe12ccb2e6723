import { User, Post } from '../../../test/sequelize/models.js';
import { Op } from 'sequelize';

export async function run(_models: unknown, minAge: number) {
  const rows = await User.findAll({ where: { active: true, age: { [Op.gte]: minAge } }, order: [['id', 'ASC']] });
  return rows.map((u) => u.id);
}

export const cases: unknown[][] = [[0], [30], [1000]];
