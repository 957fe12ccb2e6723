import { User, Post } from '../../../test/sequelize/models.js';

// limit applies before the sum; no initial value; a grouped load.
export async function run(_models: unknown) {
  const top = (await Post.findAll({ limit: 3, order: [['views', 'DESC']] })).reduce((s, p) => s + p.views, 0);
  const noInit = (await Post.findAll()).map((p) => p.views).reduce((a, b) => a + b);
  return { top, noInit };
}
