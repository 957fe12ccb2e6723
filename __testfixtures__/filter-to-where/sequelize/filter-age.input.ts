import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, minAge: number) {
  const rows = (await User.findAll({ where: { active: true }, order: [['id', 'ASC']] })).filter((u) => u.age >= minAge);
  return rows.map((u) => u.id);
}

export const cases: unknown[][] = [[0], [30], [1000]];
