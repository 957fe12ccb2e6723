import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown) {
  const seen: string[] = [];
  for (const u of await User.findAll({ where: { active: true } })) {
    await User.update({ bonus: (u.bonus ?? 0) + 1 }, { where: { id: u.id } });
    seen.push(u.email);
  }
  return seen.sort();
}
