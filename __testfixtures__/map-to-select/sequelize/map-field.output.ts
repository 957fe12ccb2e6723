import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown, active: boolean) {
  return (await User.findAll({ where: { active }, order: [['id', 'ASC']], attributes: ['email', 'name'] })).map((u) => `${u.email}:${u.name ?? '-'}`);
}

export const cases: unknown[][] = [[true], [false]];
