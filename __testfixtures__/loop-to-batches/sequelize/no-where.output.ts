import { User, Post } from '../../../test/sequelize/models.js';
import { Op } from 'sequelize';

export async function run(_models: unknown) {
  let total = 0;
  for (let after: number | undefined; ; ) {
    const batch = await Post.findAll({
      where: after === undefined ? {} : { id: { [Op.gt]: after } },
      attributes: ['id', 'views'],
      order: [['id', 'ASC']],
      limit: 3,
    });
    for (const p of batch) {
      total += p.views;
    }
    if (batch.length < 3) break;
    after = batch[batch.length - 1]!.id;
  }
  return total;
}
