import { User, Post } from '../../../test/sequelize/models.js';

export async function run(_models: unknown) {
  let total = 0;
  for (const p of await Post.findAll({ attributes: ['id', 'views'] })) {
    total += p.views;
  }
  return total;
}
