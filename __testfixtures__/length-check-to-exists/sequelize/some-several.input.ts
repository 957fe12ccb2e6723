import { Post } from '../../../test/sequelize/models.js';

// Two `.some` tests and an emptiness test on the same rows: one existence query each.
export async function run(_models: unknown, minViews: number) {
  const posts = await Post.findAll({ where: { published: true } });
  const popular = posts.some((p) => p.views >= minViews);
  const quiet = !posts.some((p) => p.views < minViews);
  return { popular, quiet, any: posts.length > 0 };
}

export const cases: unknown[][] = [[1000], [1001], [0], [3_000_000_000]];
