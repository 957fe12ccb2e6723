import { User, Post } from '../../../test/sequelize/models.js';
import { Op } from 'sequelize';

export async function run(_models: unknown) {
  const seen: string[] = [];
  for (let after: number | undefined; ; ) {
    const batch = await User.findAll({
      where: { [Op.and]: [{ active: true }, after === undefined ? {} : { id: { [Op.gt]: after } }] },
      order: [['id', 'ASC']],
      limit: 2,
    });
    for (const u of batch) {
      await User.update({ bonus: (u.bonus ?? 0) + 1 }, { where: { id: u.id } });
      seen.push(u.email);
    }
    if (batch.length < 2) break;
    after = batch[batch.length - 1]!.id;
  }
  return seen.sort();
}
